using System.Security.Claims;

namespace BaaS.Jobs;

/// <summary>
/// The job a command is running for, resolved from the run's DI scope: who enqueued it, which attempt this is, and a
/// log and a progress figure that the management APIs can read while the job runs. Outside a job's scope
/// <see cref="IsJob"/> is false and the other members throw.
/// </summary>
public interface IJobContext
{
    /// <summary>True inside a job's DI scope.</summary>
    bool IsJob { get; }

    /// <summary>The job's id.</summary>
    long JobId { get; }

    /// <summary>The job's reference (the caller's, or a generated one).</summary>
    string RefId { get; }

    /// <summary>The command's name (its class name), or the request DTO's name for an API job.</summary>
    string Command { get; }

    /// <summary>This run's attempt number, from 1.</summary>
    int Attempt { get; }

    /// <summary>The job's tag, if it has one.</summary>
    string? Tag { get; }

    /// <summary>The user the job runs as: the enqueuing user (or the configured one), anonymous when there was none.</summary>
    ClaimsPrincipal User { get; }

    /// <summary>Fires when the job is cancelled, times out, loses its lease or the node shuts down.</summary>
    CancellationToken CancellationToken { get; }

    /// <summary>Appends a line to the job's log (stored with the job, readable while it runs).</summary>
    void Log(string message);

    /// <summary>Reports how far the job is, from 0 to 1, with an optional status text.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="progress"/> is outside 0-1.</exception>
    void ReportProgress(double progress, string? status = null);
}
