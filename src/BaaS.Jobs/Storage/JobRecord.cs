using BaaS.DataAnnotations;

namespace BaaS.Jobs;

/// <summary>A row of the live queue, <c>baas_job</c> (and, with the same columns, of a month's archive table).</summary>
[Alias("baas_job")]
internal sealed class JobRecord
{
    [AutoIncrement] public long Id { get; set; }
    [Index(Unique = true)] public string RefId { get; set; } = "";
    public JobKind Kind { get; set; }
    public string Command { get; set; } = "";
    public string? Arg { get; set; }
    public JobState State { get; set; }
    public int Priority { get; set; }
    public string? Worker { get; set; }
    public string? Tag { get; set; }
    public long? DependsOn { get; set; }
    public long? WaitingFor { get; set; }
    public long? ParentId { get; set; }
    public string? Callback { get; set; }
    public string? ScheduleName { get; set; }
    public DateTime RunAfter { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
    public long? DurationMs { get; set; }
    public int Attempts { get; set; }
    public int RetryLimit { get; set; }
    public long TimeoutMs { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTime? LeaseExpiresAt { get; set; }
    /// <summary>Set when a job whose node stopped renewing its lease is queued again: that node, and when its attempt started.</summary>
    public string? LostOwner { get; set; }
    public DateTime? LostStartedAt { get; set; }
    public bool CancelRequested { get; set; }
    public double? Progress { get; set; }
    public string? Status { get; set; }
    public string? Log { get; set; }
    public string? Result { get; set; }
    public string? ErrorCode { get; set; }
    public string? ErrorMessage { get; set; }
    public string? ErrorStack { get; set; }
    public string? AttemptLog { get; set; }
    public string? UserId { get; set; }
    public string? UserName { get; set; }
    public string? RunAs { get; set; }
    /// <summary>
    /// The W3C <c>traceparent</c> of the span that enqueued the job (null when nothing traced it): each run's span links
    /// to it. Added by schema version 2.
    /// </summary>
    public string? TraceParent { get; set; }
}
