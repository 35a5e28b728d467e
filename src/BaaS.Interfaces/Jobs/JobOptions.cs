namespace BaaS;

/// <summary>How one job is queued and run. Every option is optional; defaults come from <c>JobsOptions</c> (BaaS.Jobs).</summary>
public sealed class JobOptions
{
    /// <summary>Do not start before this instant (UTC). Default: at once.</summary>
    public DateTime? RunAfter { get; set; }

    /// <summary>Start only after the job with this id has completed; if it fails or is cancelled, so does this one.</summary>
    public long? DependsOn { get; set; }

    /// <summary>
    /// The name of a command (its class name) to enqueue with this job's result as its argument when this job
    /// completes. The callback job is queued in the same transaction that records the completion.
    /// </summary>
    public string? Callback { get; set; }

    /// <summary>A named worker: the jobs of one worker run one at a time, in the order they were queued, across all nodes.</summary>
    public string? Worker { get; set; }

    /// <summary>How many times to retry after a failed attempt, with exponential backoff and jitter. Default: 2.</summary>
    public int? RetryLimit { get; set; }

    /// <summary>How long an attempt may run before its token fires and it fails with <c>Timeout</c>. Default: 10 minutes.</summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>
    /// The caller's reference for the job: enqueuing the same reference again answers the first job instead of queuing
    /// another. Default: a new GUID.
    /// </summary>
    public string? RefId { get; set; }

    /// <summary>A free-form label to find jobs by (e.g. a tenant or a batch).</summary>
    public string? Tag { get; set; }

    /// <summary>Higher runs first among due jobs (not within a named worker, which keeps its order). Default: 0.</summary>
    public int? Priority { get; set; }

    /// <summary>
    /// The user an API job runs as (and a command job records). Default: the enqueuing user (the request's or the
    /// running job's), else <c>JobsOptions.DefaultUser</c>.
    /// </summary>
    public JobUser? RunAs { get; set; }
}
