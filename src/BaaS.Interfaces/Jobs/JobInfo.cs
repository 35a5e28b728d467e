namespace BaaS;

/// <summary>Everything known about a job: its summary, argument, result, log, error with stack, and every attempt.</summary>
public class JobInfo : JobSummary
{
    /// <summary>The argument (or request DTO) as JSON.</summary>
    public string? Arg { get; set; }

    /// <summary>The result (or response DTO) as JSON, once completed.</summary>
    public string? Result { get; set; }

    /// <summary>The lines the command logged, across attempts.</summary>
    public string? Log { get; set; }

    /// <summary>The latest failure with its stack trace.</summary>
    public string? ErrorStack { get; set; }

    /// <summary>The command queued with the result on completion.</summary>
    public string? Callback { get; set; }

    /// <summary>How long one attempt may run, in milliseconds.</summary>
    public long TimeoutMs { get; set; }

    /// <summary>When the running node's lease ends unless renewed (UTC).</summary>
    public DateTime? LeaseExpiresAt { get; set; }

    /// <summary>A cancellation was asked for while it runs.</summary>
    public bool CancelRequested { get; set; }

    /// <summary>The id of the user it runs as.</summary>
    public string? UserId { get; set; }

    /// <summary>The month of the archive that holds it (<c>2026-11</c>), or null while it is in the live queue.</summary>
    public string? ArchiveMonth { get; set; }

    /// <summary>Every finished attempt, oldest first.</summary>
    public List<JobAttempt> AttemptLog { get; set; } = [];
}
