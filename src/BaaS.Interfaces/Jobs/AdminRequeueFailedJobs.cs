namespace BaaS;

/// <summary>Queues every failed job in the live queue again, optionally only one command's. Admin only.</summary>
[Tag("Jobs"), ValidateIsAdmin]
public class AdminRequeueFailedJobs : IReturn<AdminRequeueFailedJobsResponse>, IPost
{
    /// <summary>Only jobs of this command.</summary>
    public string? Command { get; set; }
}
