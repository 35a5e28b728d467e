namespace BaaS;

/// <summary>Pauses a recurring job: it queues nothing until resumed. 404 when there is none of that name. Admin only.</summary>
[Tag("Jobs"), ValidateIsAdmin]
public class AdminPauseJobSchedule : IReturn<AdminJobScheduleResponse>, IPost
{
    /// <summary>The schedule's name.</summary>
    public string Name { get; set; } = "";
}
