namespace BaaS;

/// <summary>Where a job is in its life: Queued, then Started, then Completed, Failed or Cancelled.</summary>
public enum JobState
{
    /// <summary>Waiting to run: due now, or after <see cref="JobOptions.RunAfter"/>, a retry delay or a dependency.</summary>
    Queued,

    /// <summary>Running on a node that holds its lease.</summary>
    Started,

    /// <summary>Finished successfully.</summary>
    Completed,

    /// <summary>Failed its last allowed attempt (or its dependency failed); can be requeued.</summary>
    Failed,

    /// <summary>Cancelled before it finished.</summary>
    Cancelled,
}
