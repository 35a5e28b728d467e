namespace BaaS;

/// <summary>How many failed jobs were queued again.</summary>
public class AdminRequeueFailedJobsResponse : IHasResponseStatus
{
    /// <summary>The number requeued.</summary>
    public int Requeued { get; set; }

    /// <inheritdoc />
    public ResponseStatus? ResponseStatus { get; set; }
}
