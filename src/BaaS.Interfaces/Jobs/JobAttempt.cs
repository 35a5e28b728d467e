namespace BaaS;

/// <summary>One attempt at a job: where and when it ran and how it ended.</summary>
public sealed class JobAttempt
{
    /// <summary>The attempt's number, from 1.</summary>
    public int Attempt { get; set; }

    /// <summary>The node that ran it.</summary>
    public string? Node { get; set; }

    /// <summary>When it started (UTC).</summary>
    public DateTime? StartedAt { get; set; }

    /// <summary>When it ended, or was found dead (UTC).</summary>
    public DateTime EndedAt { get; set; }

    /// <summary>
    /// How it ended: <c>Completed</c>, <c>Failed</c>, <c>Timeout</c>, <c>Cancelled</c>, <c>Interrupted</c> (the node
    /// shut down and gave the job back) or <c>LeaseExpired</c> (the node stopped answering).
    /// </summary>
    public string Outcome { get; set; } = "";

    /// <summary>The error code, when it failed.</summary>
    public string? ErrorCode { get; set; }

    /// <summary>The error message, when it failed.</summary>
    public string? Error { get; set; }
}
