using BaaS.Data;

namespace BaaS.Jobs;

internal sealed partial class JobStore
{
    /// <summary>Claims up to <paramref name="take"/> runnable jobs for <paramref name="node"/>, in priority order, under a fresh lease.</summary>
    public async Task<List<JobRecord>> ClaimAsync(string node, int take, CancellationToken ct)
    {
        await using var db = await OpenAsync(ct).ConfigureAwait(false);
        var now = Now;
        var p = P();
        p["node"] = node;
        p["now"] = now;
        p["lease"] = now + _options.LeaseDuration;
        p["take"] = take;
        var jobs = await db.SqlListAsync<JobRecord>(Sql.Claim, p, ct).ConfigureAwait(false);
        jobs.Sort(static (a, b) => b.Priority != a.Priority ? b.Priority.CompareTo(a.Priority) : a.Id.CompareTo(b.Id));
        return jobs;
    }

    /// <summary>A lease the node still holds, and whether its job is to be cancelled.</summary>
    public sealed class HeldLease
    {
        public long Id { get; set; }
        public int Attempts { get; set; }
        public bool CancelRequested { get; set; }
    }

    /// <summary>Renews the leases of the node's running jobs; answers those it still holds.</summary>
    public async Task<List<HeldLease>> RenewAsync(string node, CancellationToken ct)
    {
        await using var db = await OpenAsync(ct).ConfigureAwait(false);
        var p = P();
        p["node"] = node;
        p["lease"] = Now + _options.LeaseDuration;
        return await db.SqlListAsync<HeldLease>(JobSql.Renew, p, ct).ConfigureAwait(false);
    }

    /// <summary>Writes a running job's progress and new log lines; false when the node no longer holds the job.</summary>
    public async Task<bool> FlushAsync(string node, long id, int attempt, double? progress, string? status, string chunk, CancellationToken ct)
    {
        await using var db = await OpenAsync(ct).ConfigureAwait(false);
        var p = P();
        p["id"] = id;
        p["node"] = node;
        p["attempt"] = attempt;
        p["progress"] = progress;
        p["status"] = status;
        p["chunk"] = chunk;
        return await db.ExecuteSqlAsync(JobSql.Flush, p, ct).ConfigureAwait(false) > 0;
    }

    /// <summary>
    /// Records the ends of attempts in one transaction, each only if its node still holds the job (so a job whose lease
    /// another node took over is recorded once, by that node). A completion also releases the job's dependents and
    /// queues its callback, in the same transaction. Answers, per write, whether it was recorded.
    /// </summary>
    public async Task<bool[]> FinishAsync(IReadOnlyList<JobFinish> finishes, CancellationToken ct)
    {
        var applied = new bool[finishes.Count];
        await using var db = await OpenAsync(ct).ConfigureAwait(false);
        await using var tx = await db.OpenTransactionAsync(ct).ConfigureAwait(false);
        for (var i = 0; i < finishes.Count; i++)
        {
            var f = finishes[i];
            var p = P();
            p["id"] = f.Id;
            p["node"] = f.Node;
            p["attempt"] = f.Attempt;
            p["state"] = f.State.ToString();
            p["runAfter"] = f.RunAfter;
            p["completedAt"] = f.CompletedAt;
            p["duration"] = f.DurationMs;
            p["progress"] = f.Progress;
            p["status"] = f.Status;
            p["chunk"] = f.LogChunk;
            p["result"] = f.Result;
            p["errorCode"] = f.ErrorCode;
            p["errorMessage"] = f.ErrorMessage;
            p["errorStack"] = f.ErrorStack;
            p["attemptLog"] = f.AttemptLog;
            applied[i] = await db.ExecuteSqlAsync(JobSql.Finish, p, ct).ConfigureAwait(false) > 0;
            if (!applied[i] || f.State != JobState.Completed) continue;
            await db.ExecuteSqlAsync(JobSql.ReleaseDependents, new { id = f.Id }, ct).ConfigureAwait(false);
            if (f.CallbackJob is { } callback) await EnqueueAsync(db, callback, callerRefId: false, async: true, ct).ConfigureAwait(false);
        }
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return applied;
    }

    /// <summary>Gives a job back to the queue without counting its attempt; false when the node no longer held it.</summary>
    public async Task<bool> ReleaseAsync(string node, long id, int attempt, string chunk, string attemptLog, CancellationToken ct)
    {
        await using var db = await OpenAsync(ct).ConfigureAwait(false);
        var p = P();
        p["id"] = id;
        p["node"] = node;
        p["attempt"] = attempt;
        p["now"] = Now;
        p["chunk"] = chunk;
        p["attemptLog"] = attemptLog;
        return await db.ExecuteSqlAsync(JobSql.Release, p, ct).ConfigureAwait(false) > 0;
    }
}
