namespace BaaS;

/// <summary>Cancels a queued job, or a running one (its command's token fires). 409 when it already finished. Admin only.</summary>
[Tag("Jobs"), ValidateIsAdmin]
public class AdminCancelJob : IReturn<AdminGetJobResponse>, IPost
{
    /// <summary>The job's id.</summary>
    public long Id { get; set; }
}
