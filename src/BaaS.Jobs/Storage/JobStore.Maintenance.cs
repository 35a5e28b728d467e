using System.Text.Json;
using BaaS.Data;

namespace BaaS.Jobs;

internal sealed partial class JobStore
{
    /// <summary>
    /// Lets queued jobs run whose dependency completed, and ends those whose dependency failed or was cancelled (down
    /// whole chains). Answers how many jobs changed.
    /// </summary>
    public async Task<int> SweepDependenciesAsync(CancellationToken ct)
    {
        await using var db = await OpenAsync(ct).ConfigureAwait(false);
        var changed = await db.ExecuteSqlAsync(JobSql.ReleaseWaiting, P(), ct).ConfigureAwait(false);
        for (var depth = 0; depth < 100; depth++)
        {
            var now = Now;
            var failed = P();
            failed["now"] = now;
            failed["state"] = nameof(JobState.Failed);
            failed["parentState"] = nameof(JobState.Failed);
            failed["errorCode"] = JobErrors.DependencyFailed;
            failed["errorMessage"] = "A job this job depends on failed.";
            var cancelled = P();
            cancelled["now"] = now;
            cancelled["state"] = nameof(JobState.Cancelled);
            cancelled["parentState"] = nameof(JobState.Cancelled);
            cancelled["errorCode"] = JobErrors.DependencyCancelled;
            cancelled["errorMessage"] = "A job this job depends on was cancelled.";
            var step = await db.ExecuteSqlAsync(JobSql.EndWaiting, failed, ct).ConfigureAwait(false)
                + await db.ExecuteSqlAsync(JobSql.EndWaiting, cancelled, ct).ConfigureAwait(false);
            if (step == 0) break;
            changed += step;
        }
        if (changed > 0) _changes.MarkMore();
        return changed;
    }

    /// <summary>Queues again the started jobs whose node stopped renewing the lease; answers how many.</summary>
    public async Task<int> RequeueExpiredAsync(CancellationToken ct)
    {
        await using var db = await OpenAsync(ct).ConfigureAwait(false);
        var p = P();
        p["now"] = Now;
        var requeued = await db.ExecuteSqlAsync(JobSql.RequeueExpired, p, ct).ConfigureAwait(false);
        if (requeued > 0) _changes.MarkMore();
        return requeued;
    }

    /// <summary>
    /// Ends started jobs whose node stopped renewing the lease and that may not run again: cancelled ones become
    /// Cancelled, those out of retries Failed with <see cref="JobErrors.LeaseExpired"/>. (Others are queued again by
    /// <see cref="RequeueExpiredAsync"/>.)
    /// </summary>
    public async Task<int> EndDeadJobsAsync(CancellationToken ct)
    {
        await using var db = await OpenAsync(ct).ConfigureAwait(false);
        var now = Now;
        var p = P();
        p["now"] = now;
        var dead = await db.SqlListAsync<JobRecord>(JobSql.SelectDead, p, ct).ConfigureAwait(false);
        var ended = 0;
        foreach (var job in dead)
        {
            var cancelled = job.CancelRequested;
            var attempts = JobRunner.AttemptsBefore(job);
            attempts.Add(new JobAttempt
            {
                Attempt = job.Attempts, Node = job.LeaseOwner, StartedAt = job.StartedAt, EndedAt = now, Outcome = "LeaseExpired",
                ErrorCode = JobErrors.LeaseExpired, Error = $"Node {job.LeaseOwner} stopped renewing its lease.",
            });
            var q = P();
            q["id"] = job.Id;
            q["now"] = now;
            q["attempt"] = job.Attempts;
            q["state"] = cancelled ? nameof(JobState.Cancelled) : nameof(JobState.Failed);
            q["errorCode"] = cancelled ? JobErrors.Cancelled : JobErrors.LeaseExpired;
            q["errorMessage"] = cancelled
                ? "Cancelled; the node running it stopped before it could stop the job."
                : $"The node running attempt {job.Attempts} stopped renewing its lease, and no retries are left.";
            q["attemptLog"] = JsonSerializer.Serialize(attempts, Text.JsonProtocol.Options);
            ended += await db.ExecuteSqlAsync(JobSql.EndDead, q, ct).ConfigureAwait(false);
        }
        if (ended > 0) _changes.MarkMore();
        return ended;
    }

    /// <summary>The attempts recorded in a job's <c>attempt_log</c> JSON.</summary>
    public static List<JobAttempt> AttemptLogOf(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<JobAttempt>>(json, Text.JsonProtocol.Options) ?? [];
}
