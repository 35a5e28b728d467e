using BaaS.Data;

namespace BaaS.Jobs;

internal sealed partial class JobStore
{
    /// <summary>
    /// Creates a schedule, or updates the one of that name (keeping whether it is paused, and its next run unless the
    /// schedule text changed):
    /// <c>INSERT INTO baas_job_schedule (...) VALUES (...) ON CONFLICT (name) DO UPDATE SET command = excluded.command, ...</c>.
    /// </summary>
    public async Task UpsertScheduleAsync(ScheduleRecord schedule, CancellationToken ct)
    {
        await using var db = await OpenAsync(ct).ConfigureAwait(false);
        await db.ExecuteSqlAsync("""
            INSERT INTO baas_job_schedule (name, command, arg, schedule, options, paused, next_run_at, last_run_at, last_job_id, created_at, updated_at)
            VALUES (@name, @command, @arg, @schedule, @options, @paused, @nextRunAt, NULL, NULL, @now, @now)
            ON CONFLICT (name) DO UPDATE SET command = excluded.command, arg = excluded.arg, options = excluded.options,
              next_run_at = CASE WHEN baas_job_schedule.schedule = excluded.schedule OR baas_job_schedule.paused = @yes
                THEN baas_job_schedule.next_run_at ELSE excluded.next_run_at END,
              schedule = excluded.schedule, updated_at = excluded.updated_at
            """, new Dictionary<string, object?>
        {
            ["name"] = schedule.Name, ["command"] = schedule.Command, ["arg"] = schedule.Arg, ["schedule"] = schedule.Schedule,
            ["options"] = schedule.Options, ["paused"] = false, ["nextRunAt"] = schedule.NextRunAt, ["now"] = Now, ["yes"] = true,
        }, ct).ConfigureAwait(false);
    }

    /// <summary>Every schedule, by name.</summary>
    public async Task<List<ScheduleRecord>> GetSchedulesAsync(CancellationToken ct)
    {
        await using var db = await OpenAsync(ct).ConfigureAwait(false);
        return await db.SqlListAsync<ScheduleRecord>("SELECT * FROM baas_job_schedule ORDER BY name", ct: ct).ConfigureAwait(false);
    }

    /// <summary>A schedule by name, or null.</summary>
    public async Task<ScheduleRecord?> GetScheduleAsync(string name, CancellationToken ct)
    {
        await using var db = await OpenAsync(ct).ConfigureAwait(false);
        var rows = await db.SqlListAsync<ScheduleRecord>("SELECT * FROM baas_job_schedule WHERE name = @name", new { name }, ct).ConfigureAwait(false);
        return rows.Count > 0 ? rows[0] : null;
    }

    /// <summary>Pauses a schedule (no next run), or resumes it with its next run; false when there is no such schedule.</summary>
    public async Task<bool> SetPausedAsync(string name, bool paused, DateTime? nextRunAt, CancellationToken ct)
    {
        await using var db = await OpenAsync(ct).ConfigureAwait(false);
        var found = await db.ExecuteSqlAsync(
            "UPDATE baas_job_schedule SET paused = @paused, next_run_at = @nextRunAt, updated_at = @now WHERE name = @name",
            new { name, paused, nextRunAt, now = Now }, ct).ConfigureAwait(false) > 0;
        if (found) _changes.MarkMore();
        return found;
    }

    /// <summary>Removes a schedule (its queued jobs stay); false when there is no such schedule.</summary>
    public async Task<bool> DeleteScheduleAsync(string name, CancellationToken ct)
    {
        await using var db = await OpenAsync(ct).ConfigureAwait(false);
        var found = await db.ExecuteSqlAsync("DELETE FROM baas_job_schedule WHERE name = @name", new { name }, ct).ConfigureAwait(false) > 0;
        if (found) _changes.MarkMore();
        return found;
    }

    /// <summary>
    /// Queues a job for every due, unpaused schedule and moves each to its next run, in one transaction. With row locks
    /// due schedules are taken with <c>FOR UPDATE SKIP LOCKED</c>, and each run's RefId is the schedule's name and the
    /// run's time, so however many nodes look, a run is queued once. Answers the jobs queued.
    /// </summary>
    public async Task<List<(string Schedule, JobRef Job)>> RunDueSchedulesAsync(
        Func<ScheduleRecord, DateTime, JobRecord> buildJob, Func<ScheduleRecord, DateTime, DateTime?> nextRun, CancellationToken ct)
    {
        var queued = new List<(string, JobRef)>();
        await using var db = await OpenAsync(ct).ConfigureAwait(false);
        await using var tx = await db.OpenTransactionAsync(ct).ConfigureAwait(false);
        var now = Now;
        var select = "SELECT * FROM baas_job_schedule WHERE paused = @no AND next_run_at <= @now ORDER BY next_run_at" +
            (Sql.LocksRows ? " FOR UPDATE SKIP LOCKED" : "");
        var due = await db.SqlListAsync<ScheduleRecord>(select, new { no = false, now }, ct).ConfigureAwait(false);
        foreach (var schedule in due)
        {
            var occurrence = schedule.NextRunAt!.Value;
            var job = buildJob(schedule, occurrence);
            var jobRef = await EnqueueAsync(db, job, callerRefId: true, async: true, ct).ConfigureAwait(false);
            await db.ExecuteSqlAsync(
                "UPDATE baas_job_schedule SET next_run_at = @next, last_run_at = @now, last_job_id = @jobId WHERE name = @name AND next_run_at = @occurrence",
                new { next = nextRun(schedule, now), now, jobId = jobRef.Id, name = schedule.Name, occurrence }, ct).ConfigureAwait(false);
            queued.Add((schedule.Name, jobRef));
        }
        await tx.CommitAsync(ct).ConfigureAwait(false);
        if (queued.Count > 0) _changes.MarkMore(); // the schedules' next and last runs
        return queued;
    }

    /// <summary>Records that a schedule was run by hand.</summary>
    public async Task MarkScheduleRunAsync(string name, long jobId, CancellationToken ct)
    {
        await using var db = await OpenAsync(ct).ConfigureAwait(false);
        await db.ExecuteSqlAsync("UPDATE baas_job_schedule SET last_run_at = @now, last_job_id = @jobId WHERE name = @name",
            new { name, jobId, now = Now }, ct).ConfigureAwait(false);
        _changes.MarkMore();
    }
}
