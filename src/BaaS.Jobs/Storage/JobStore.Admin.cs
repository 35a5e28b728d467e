using BaaS.Data;

namespace BaaS.Jobs;

internal sealed partial class JobStore
{
    /// <summary>What cancelling did: cancelled a queued job, asked the node running it to stop, or nothing (and why).</summary>
    public enum CancelOutcome
    {
        Cancelled,
        Requested,
        NotFound,
        AlreadyFinished,
    }

    /// <summary>Cancels a queued job at once, or asks the node running a started one to stop it.</summary>
    public async Task<CancelOutcome> CancelAsync(long id, CancellationToken ct)
    {
        await using var db = await OpenAsync(ct).ConfigureAwait(false);
        var p = P();
        p["id"] = id;
        p["now"] = Now;
        p["code"] = JobErrors.Cancelled;
        p["message"] = "Cancelled before it started.";
        if (await db.ExecuteSqlAsync(
                "UPDATE baas_job SET state = @cancelled, completed_at = @now, error_code = @code, error_message = @message WHERE id = @id AND state = @queued",
                p, ct).ConfigureAwait(false) > 0)
        {
            _changes.Mark(id);
            return CancelOutcome.Cancelled;
        }
        if (await db.ExecuteSqlAsync("UPDATE baas_job SET cancel_requested = @yes WHERE id = @id AND state = @started", p, ct).ConfigureAwait(false) > 0)
        {
            _changes.Mark(id);
            return CancelOutcome.Requested;
        }
        return await FindStateAsync(db, id, true, ct).ConfigureAwait(false) is null ? CancelOutcome.NotFound : CancelOutcome.AlreadyFinished;
    }

    /// <summary>What requeueing did.</summary>
    public enum RequeueOutcome
    {
        Requeued,
        NotFound,
        NotFailed,
    }

    /// <summary>
    /// Queues a failed job again with a fresh retry budget (bringing it back from the archive if it was moved there),
    /// and the jobs that failed only because they depended on it.
    /// </summary>
    public async Task<RequeueOutcome> RequeueAsync(long id, CancellationToken ct)
    {
        await using var db = await OpenAsync(ct).ConfigureAwait(false);
        await using var tx = await db.OpenTransactionAsync(ct).ConfigureAwait(false);
        var state = await ScalarAsync<string>(db, true, "SELECT state FROM baas_job WHERE id = @id", new { id }, ct).ConfigureAwait(false);
        if (state is null)
        {
            var restored = await RestoreFromArchiveAsync(db, id, ct).ConfigureAwait(false);
            if (restored is null) return RequeueOutcome.NotFound;
            state = restored.Value.ToString();
        }
        if (state != nameof(JobState.Failed)) return RequeueOutcome.NotFailed;
        await RequeueLiveAsync(db, id, depth: 0, ct).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
        _changes.Mark(id);
        _changes.MarkMore(); // its dependents too
        return RequeueOutcome.Requeued;
    }

    private async Task RequeueLiveAsync(DataConnection db, long id, int depth, CancellationToken ct)
    {
        var dependsOn = await db.SqlScalarAsync<long?>("SELECT depends_on FROM baas_job WHERE id = @id", new { id }, ct).ConfigureAwait(false);
        long? waitingFor = null;
        if (dependsOn is { } parent && await FindStateAsync(db, parent, true, ct).ConfigureAwait(false) != JobState.Completed) waitingFor = parent;
        var p = P();
        p["id"] = id;
        p["now"] = Now;
        p["waitingFor"] = waitingFor;
        await db.ExecuteSqlAsync("""
            UPDATE baas_job SET state = @queued, attempts = 0, run_after = @now, completed_at = NULL, error_code = NULL, error_message = NULL,
              error_stack = NULL, cancel_requested = @no, lease_expires_at = NULL, progress = NULL, status = NULL, waiting_for = @waitingFor
            WHERE id = @id AND state = @failed
            """, p, ct).ConfigureAwait(false);
        if (depth >= 100) return;
        var q = P();
        q["id"] = id;
        q["code"] = JobErrors.DependencyFailed;
        var dependents = await db.ColumnAsync<long>(
            "SELECT id FROM baas_job WHERE depends_on = @id AND state = @failed AND error_code = @code", q, ct).ConfigureAwait(false);
        foreach (var dependent in dependents) await RequeueLiveAsync(db, dependent, depth + 1, ct).ConfigureAwait(false);
    }

    /// <summary>Moves a job from its archive back into the live queue; answers its state, or null when no archive has it.</summary>
    private async Task<JobState?> RestoreFromArchiveAsync(DataConnection db, long id, CancellationToken ct)
    {
        foreach (var table in await ArchiveTablesAsync(db, true, ct).ConfigureAwait(false))
        {
            var quoted = db.Dialect.QuoteIdentifier(table);
            var state = await db.SqlScalarAsync<string>($"SELECT state FROM {quoted} WHERE id = @id", new { id }, ct).ConfigureAwait(false);
            if (state is null) continue;
            if (state != nameof(JobState.Failed)) return Enum.Parse<JobState>(state);
            await db.ExecuteSqlAsync($"INSERT INTO baas_job ({Sql.Columns}) SELECT {Sql.Columns} FROM {quoted} WHERE id = @id", new { id }, ct).ConfigureAwait(false);
            await db.ExecuteSqlAsync($"DELETE FROM {quoted} WHERE id = @id", new { id }, ct).ConfigureAwait(false);
            return JobState.Failed;
        }
        return null;
    }

    /// <summary>Requeues every failed job in the live queue (optionally of one command); answers how many.</summary>
    public async Task<int> RequeueFailedAsync(string? command, CancellationToken ct)
    {
        List<long> ids;
        await using (var db = await OpenAsync(ct).ConfigureAwait(false))
        {
            var p = P();
            p["command"] = command;
            ids = await db.ColumnAsync<long>(
                command is null
                    ? "SELECT id FROM baas_job WHERE state = @failed ORDER BY id"
                    : "SELECT id FROM baas_job WHERE state = @failed AND command = @command ORDER BY id", p, ct).ConfigureAwait(false);
        }
        var count = 0;
        foreach (var id in ids)
        {
            if (await RequeueAsync(id, ct).ConfigureAwait(false) == RequeueOutcome.Requeued) count++;
        }
        return count;
    }
}
