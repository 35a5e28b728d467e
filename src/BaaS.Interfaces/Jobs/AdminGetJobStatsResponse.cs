namespace BaaS;

/// <summary>The queue now, and what finished per minute.</summary>
public class AdminGetJobStatsResponse : IHasResponseStatus
{
    /// <summary>Jobs waiting to run (due, delayed, retrying or waiting for a dependency).</summary>
    public long Queued { get; set; }

    /// <summary>Jobs running now, on any node.</summary>
    public long Running { get; set; }

    /// <summary>Failed jobs in the live queue (they can be requeued).</summary>
    public long Failed { get; set; }

    /// <summary>Completed jobs not yet archived.</summary>
    public long Completed { get; set; }

    /// <summary>Cancelled jobs not yet archived.</summary>
    public long Cancelled { get; set; }

    /// <summary>Jobs completed in the last full minute.</summary>
    public long CompletedLastMinute { get; set; }

    /// <summary>Jobs failed in the last full minute.</summary>
    public long FailedLastMinute { get; set; }

    /// <summary>Running jobs by node.</summary>
    public Dictionary<string, long> RunningByNode { get; set; } = [];

    /// <summary>Finished jobs per minute, oldest first (minutes with none are left out).</summary>
    public List<JobMinuteStats> PerMinute { get; set; } = [];

    /// <summary>The months that have an archive, newest first (<c>2026-11</c>), for <see cref="AdminQueryJobs.Month"/>.</summary>
    public List<string> ArchiveMonths { get; set; } = [];

    /// <inheritdoc />
    public ResponseStatus? ResponseStatus { get; set; }
}
