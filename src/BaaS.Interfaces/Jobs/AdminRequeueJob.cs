namespace BaaS;

/// <summary>Queues a failed job again with a fresh retry budget. 409 when it has not failed. Admin only.</summary>
[Tag("Jobs"), ValidateIsAdmin]
public class AdminRequeueJob : IReturn<AdminGetJobResponse>, IPost
{
    /// <summary>The job's id.</summary>
    public long Id { get; set; }
}
