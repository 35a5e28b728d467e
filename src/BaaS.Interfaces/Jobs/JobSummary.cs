namespace BaaS;

/// <summary>A job as lists show it: what it runs, where it is, and how it went, without its argument, result and log.</summary>
public class JobSummary
{
    /// <summary>The job's id.</summary>
    public long Id { get; set; }

    /// <summary>The job's reference (the caller's, or a generated one).</summary>
    public string RefId { get; set; } = "";

    /// <summary>A command or an API request.</summary>
    public JobKind Kind { get; set; }

    /// <summary>The command's class name, or the request DTO's name.</summary>
    public string Command { get; set; } = "";

    /// <summary>Where the job is in its life.</summary>
    public JobState State { get; set; }

    /// <summary>The job's tag.</summary>
    public string? Tag { get; set; }

    /// <summary>The named worker that runs it, if any.</summary>
    public string? Worker { get; set; }

    /// <summary>Higher runs first.</summary>
    public int Priority { get; set; }

    /// <summary>The job it waits for.</summary>
    public long? DependsOn { get; set; }

    /// <summary>The job whose completion queued this one (a callback).</summary>
    public long? ParentId { get; set; }

    /// <summary>The recurring schedule that queued it.</summary>
    public string? ScheduleName { get; set; }

    /// <summary>Attempts started so far.</summary>
    public int Attempts { get; set; }

    /// <summary>Retries allowed after the first attempt.</summary>
    public int RetryLimit { get; set; }

    /// <summary>When it was queued (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>When it may start, or retry (UTC).</summary>
    public DateTime RunAfter { get; set; }

    /// <summary>When its latest attempt started (UTC).</summary>
    public DateTime? StartedAt { get; set; }

    /// <summary>When it completed, failed or was cancelled (UTC).</summary>
    public DateTime? CompletedAt { get; set; }

    /// <summary>How long its latest attempt ran, in milliseconds.</summary>
    public long? DurationMs { get; set; }

    /// <summary>How far it is, from 0 to 1, as the command last reported.</summary>
    public double? Progress { get; set; }

    /// <summary>The command's last status text.</summary>
    public string? Status { get; set; }

    /// <summary>The error code of the latest failure.</summary>
    public string? ErrorCode { get; set; }

    /// <summary>The error message of the latest failure.</summary>
    public string? ErrorMessage { get; set; }

    /// <summary>The node that ran (or runs) the latest attempt.</summary>
    public string? Node { get; set; }

    /// <summary>The name of the user it runs as.</summary>
    public string? UserName { get; set; }
}
