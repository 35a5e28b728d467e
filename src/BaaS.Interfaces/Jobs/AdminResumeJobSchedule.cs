namespace BaaS;

/// <summary>Resumes a paused recurring job from now. 404 when there is none of that name. Admin only.</summary>
[Tag("Jobs"), ValidateIsAdmin]
public class AdminResumeJobSchedule : IReturn<AdminJobScheduleResponse>, IPost
{
    /// <summary>The schedule's name.</summary>
    public string Name { get; set; } = "";
}
