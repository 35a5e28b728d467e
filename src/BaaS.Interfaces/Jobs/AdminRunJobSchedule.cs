namespace BaaS;

/// <summary>Queues a run of a recurring job now; its schedule is unchanged. 404 when there is none of that name. Admin only.</summary>
[Tag("Jobs"), ValidateIsAdmin]
public class AdminRunJobSchedule : IReturn<AdminRunJobScheduleResponse>, IPost
{
    /// <summary>The schedule's name.</summary>
    public string Name { get; set; } = "";
}
