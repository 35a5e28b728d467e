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
        List<JobRecord> jobs;
        if (Sql.LocksRows)
        {
            // Row locks and plan settings last until the transaction ends: one round trip for BEGIN, the settings and
            // the claim, one for COMMIT (see JobSql.Claim).
            await using var tx = await db.OpenTransactionAsync(ct).ConfigureAwait(false);
            jobs = await db.SqlListAsync<JobRecord>(Sql.Claim, p, ct).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);
        }
        else
        {
            jobs = await db.SqlListAsync<JobRecord>(Sql.Claim, p, ct).ConfigureAwait(false);
        }
        jobs.Sort(static (a, b) => b.Priority != a.Priority ? b.Priority.CompareTo(a.Priority) : a.Id.CompareTo(b.Id));
        foreach (var job in jobs) _changes.Mark(job.Id);
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
        var held = await db.ExecuteSqlAsync(JobSql.Flush, p, ct).ConfigureAwait(false) > 0;
        if (held) _changes.Mark(id);
        return held;
    }

    /// <summary>
    /// Records the ends of attempts, each only if its node still holds the job (so a job whose lease another node took
    /// over is recorded once, by that node). Completions also release the jobs waiting for them and queue their
    /// callbacks, atomically with the completion. Rows are written in id order (as renewals lock them), so concurrent
    /// writers cannot deadlock. Answers, per write, whether it was recorded.
    /// </summary>
    public async Task<bool[]> FinishAsync(IReadOnlyList<JobFinish> finishes, CancellationToken ct)
    {
        await using var db = await OpenAsync(ct).ConfigureAwait(false);
        var sorted = finishes.OrderBy(f => f.Id).ToList();
        var callbacks = sorted.Any(f => f.CallbackJob is not null);
        // With row locks a batch without callbacks is one statement: atomic on its own, so no transaction round trips.
        var tx = callbacks || !Sql.LocksRows ? await db.OpenTransactionAsync(ct).ConfigureAwait(false) : null;
        try
        {
            var recorded = Sql.LocksRows
                ? await FinishInOneStatementAsync(db, sorted, ct).ConfigureAwait(false)
                : await FinishOneByOneAsync(db, sorted, ct).ConfigureAwait(false);
            foreach (var f in sorted)
            {
                if (f.CallbackJob is { } callback && recorded.Contains(f.Id))
                    await EnqueueAsync(db, callback, callerRefId: false, async: true, ct).ConfigureAwait(false);
            }
            if (tx is not null) await tx.CommitAsync(ct).ConfigureAwait(false);
            _changes.Mark(recorded);
            return finishes.Select(f => recorded.Contains(f.Id)).ToArray();
        }
        finally
        {
            if (tx is not null) await tx.DisposeAsync().ConfigureAwait(false);
        }
    }

    // With row locks: every write of the batch, and the release of the dependents, in one statement over array
    // parameters (JobSql.FinishMany).
    private async Task<HashSet<long>> FinishInOneStatementAsync(DataConnection db, List<JobFinish> sorted, CancellationToken ct)
    {
        await using var command = db.CreateCommand();
        command.CommandText = JobSql.FinishMany;
        AddParameter(command, "started", nameof(JobState.Started));
        AddParameter(command, "completed", nameof(JobState.Completed));
        AddParameter(command, "ids", sorted.Select(f => f.Id).ToArray());
        AddParameter(command, "nodes", Texts(db, sorted, f => f.Node));
        AddParameter(command, "attempts", sorted.Select(f => f.Attempt).ToArray());
        AddParameter(command, "states", sorted.Select(f => f.State.ToString()).ToArray());
        AddParameter(command, "runAfters", sorted.Select(f => Utc(f.RunAfter)).ToArray());
        AddParameter(command, "completedAts", sorted.Select(f => f.CompletedAt is { } at ? Utc(at) : (DateTime?)null).ToArray());
        AddParameter(command, "durations", sorted.Select(f => f.DurationMs).ToArray());
        AddParameter(command, "progresses", sorted.Select(f => f.Progress).ToArray());
        AddParameter(command, "statuses", Texts(db, sorted, f => f.Status));
        AddParameter(command, "chunks", Texts(db, sorted, f => f.LogChunk));
        AddParameter(command, "results", Texts(db, sorted, f => f.Result));
        AddParameter(command, "errorCodes", Texts(db, sorted, f => f.ErrorCode));
        AddParameter(command, "errorMessages", Texts(db, sorted, f => f.ErrorMessage));
        AddParameter(command, "errorStacks", Texts(db, sorted, f => f.ErrorStack));
        AddParameter(command, "attemptLogs", Texts(db, sorted, f => f.AttemptLog));
        var recorded = new HashSet<long>();
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false)) recorded.Add(reader.GetInt64(0));
        return recorded;
    }

    // timestamptz takes UTC: a local time is converted, an unspecified one is taken to be UTC (the store's rule).
    private static DateTime Utc(DateTime at) => at.Kind == DateTimeKind.Local ? at.ToUniversalTime() : DateTime.SpecifyKind(at, DateTimeKind.Utc);

    // Strings as the dialect stores them (PostgreSQL text cannot hold NUL: see the dialect), nulls kept.
    private static string?[] Texts(DataConnection db, List<JobFinish> sorted, Func<JobFinish, string?> get) =>
        sorted.Select(f => get(f) is { } text ? (string)db.Dialect.ToDbValue(text, null) : null).ToArray();

    // With a single writer: one statement per write in the open transaction (SQLite is in-process, so there is no round
    // trip to save), then the release of the dependents of the completions recorded.
    private static async Task<HashSet<long>> FinishOneByOneAsync(DataConnection db, List<JobFinish> sorted, CancellationToken ct)
    {
        var recorded = new HashSet<long>();
        foreach (var f in sorted)
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
            if (await db.ExecuteSqlAsync(JobSql.Finish, p, ct).ConfigureAwait(false) > 0) recorded.Add(f.Id);
        }
        var completed = sorted.Where(f => f.State == JobState.Completed && recorded.Contains(f.Id)).Select(f => f.Id).ToArray();
        if (completed.Length > 0)
        {
            var release = P();
            release["ids"] = JsonSerializer.Serialize(completed);
            await db.ExecuteSqlAsync(JobSql.ReleaseDependentsOf, release, ct).ConfigureAwait(false);
        }
        return recorded;
    }

    /// <summary>
    /// Adds a parameter with a value the driver takes as it is (an array, or a value already converted by the
    /// dialect), named as the SQL writes it: <c>@name</c> (Npgsql drops the <c>@</c> when it matches names).
    /// </summary>
    private void AddParameter(System.Data.Common.DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
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
        var released = await db.ExecuteSqlAsync(JobSql.Release, p, ct).ConfigureAwait(false) > 0;
        if (released) _changes.Mark(id);
        return released;
    }
}
