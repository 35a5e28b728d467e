using System.Text.Json;
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
        return await db.SqlListAsync<HeldLease>(Sql.Renew, p, ct).ConfigureAwait(false);
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
    /// another node took over is recorded once, by that node). Completions also release the jobs waiting for them and
    /// queue their callbacks, in the same transaction. Rows are written in id order (as renewals lock them), so
    /// concurrent writers cannot deadlock. Answers, per write, whether it was recorded.
    /// </summary>
    public async Task<bool[]> FinishAsync(IReadOnlyList<JobFinish> finishes, CancellationToken ct)
    {
        await using var db = await OpenAsync(ct).ConfigureAwait(false);
        await using var tx = await db.OpenTransactionAsync(ct).ConfigureAwait(false);
        var order = Enumerable.Range(0, finishes.Count).OrderBy(i => finishes[i].Id).ToArray();
        var statements = order.Select(i => finishes[i]).Select(f =>
        {
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
            return (JobSql.Finish, p);
        }).ToList();
        // In the same round trip: release the dependents of the jobs this batch completed (the statement sees the
        // batch's own writes, so a completion that was not recorded releases nothing).
        var completing = finishes.Where(f => f.State == JobState.Completed).Select(f => f.Id).ToArray();
        if (completing.Length > 0)
        {
            var release = P();
            release["ids"] = Sql.IsPostgreSql ? completing : JsonSerializer.Serialize(completing);
            statements.Add((Sql.ReleaseDependentsOf, release));
        }
        var counts = await ExecuteManyAsync(db, statements, ct).ConfigureAwait(false);
        var applied = new bool[finishes.Count];
        for (var k = 0; k < order.Length; k++) applied[order[k]] = counts[k] > 0;
        for (var i = 0; i < finishes.Count; i++)
        {
            if (applied[i] && finishes[i].CallbackJob is { } callback)
                await EnqueueAsync(db, callback, callerRefId: false, async: true, ct).ConfigureAwait(false);
        }
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return applied;
    }

    /// <summary>
    /// Runs statements in order in the connection's transaction and answers their row counts: in one round trip where
    /// the driver supports batches (Npgsql), else one by one (SQLite runs in-process, so there is no round trip to save).
    /// </summary>
    private static async Task<int[]> ExecuteManyAsync(DataConnection db, List<(string Sql, Dictionary<string, object?> Params)> statements, CancellationToken ct)
    {
        var counts = new int[statements.Count];
        if (!db.Inner.CanCreateBatch || statements.Count == 1)
        {
            for (var i = 0; i < statements.Count; i++)
                counts[i] = await db.ExecuteSqlAsync(statements[i].Sql, statements[i].Params, ct).ConfigureAwait(false);
            return counts;
        }
        await using var batch = db.Inner.CreateBatch();
        batch.Transaction = db.Transaction?.Inner;
        foreach (var (sql, param) in statements)
        {
            var command = batch.CreateBatchCommand();
            command.CommandText = sql;
            foreach (var (name, value) in param)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                // Arrays go as they are (PostgreSQL arrays, for "= ANY(@ids)"); other values as the dialect stores them.
                parameter.Value = value is Array ? value : db.Dialect.ToDbValue(value, null);
                command.Parameters.Add(parameter);
            }
            batch.BatchCommands.Add(command);
        }
        await batch.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        for (var i = 0; i < statements.Count; i++) counts[i] = batch.BatchCommands[i].RecordsAffected;
        return counts;
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
