namespace BaaS.Jobs;

/// <summary>The end of one attempt, to be recorded by <see cref="JobStore.FinishAsync"/>.</summary>
internal sealed class JobFinish
{
    public long Id { get; init; }
    public string Node { get; init; } = "";
    public int Attempt { get; init; }
    /// <summary>Completed, Failed, Cancelled, or Queued for a retry.</summary>
    public JobState State { get; init; }
    public DateTime RunAfter { get; init; }
    public DateTime? CompletedAt { get; init; }
    public long DurationMs { get; init; }
    public double? Progress { get; init; }
    public string? Status { get; init; }
    public string LogChunk { get; init; } = "";
    public string? Result { get; init; }
    public string? ErrorCode { get; init; }
    public string? ErrorMessage { get; init; }
    public string? ErrorStack { get; init; }
    public string AttemptLog { get; init; } = "[]";
    /// <summary>The callback job to queue if the completion is recorded.</summary>
    public JobRecord? CallbackJob { get; init; }
}
