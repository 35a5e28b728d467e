using System.Data.Common;
using BaaS.Data;

namespace BaaS.Jobs;

internal sealed partial class JobStore
{
    /// <summary>
    /// Stores a new job (or answers the job that already has its caller-given RefId) and returns its reference. A plain
    /// job enqueued asynchronously (no caller RefId, no dependency) joins the next grouped INSERT (<see cref="EnqueueBatcher"/>).
    /// </summary>
    public async ValueTask<JobRef> EnqueueAsync(JobRecord job, bool callerRefId, bool async, CancellationToken ct)
    {
        if (async && !callerRefId && job.DependsOn is null)
        {
            job.Id = await _batcher.EnqueueAsync(job, ct).ConfigureAwait(false);
            return new JobRef(job.Id, job.RefId);
        }
        await using var db = await OpenAsync(async, ct).ConfigureAwait(false);
        return await EnqueueAsync(db, job, callerRefId, async, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Stores a new job on <paramref name="db"/>, joining its open transaction if it has one. A job that depends on
    /// another waits for it, or starts failed or cancelled when that one already failed or was cancelled.
    /// </summary>
    public async ValueTask<JobRef> EnqueueAsync(DataConnection db, JobRecord job, bool callerRefId, bool async, CancellationToken ct)
    {
        if (job.DependsOn is { } parentId)
        {
            var parent = await FindStateAsync(db, parentId, async, ct).ConfigureAwait(false)
                ?? throw new ArgumentException($"DependsOn: job {parentId} does not exist.", nameof(JobOptions.DependsOn));
            switch (parent)
            {
                case JobState.Completed:
                    job.WaitingFor = null;
                    break;
                case JobState.Failed or JobState.Cancelled:
                    job.State = parent;
                    job.CompletedAt = job.CreatedAt;
                    job.ErrorCode = parent == JobState.Failed ? JobErrors.DependencyFailed : JobErrors.DependencyCancelled;
                    job.ErrorMessage = $"Job {parentId}, which this job depends on, {(parent == JobState.Failed ? "failed" : "was cancelled")}.";
                    break;
                default:
                    // If the parent completes between this check and the insert, the maintenance sweep releases the job.
                    job.WaitingFor = parentId;
                    break;
            }
        }

        if (!callerRefId)
        {
            job.Id = async ? await db.InsertAsync(job, ct).ConfigureAwait(false) : db.Insert(job);
            await AnnounceAsync(db, async, ct).ConfigureAwait(false);
            _changes.Mark(job.Id);
            return new JobRef(job.Id, job.RefId);
        }

        // A caller's RefId is claimed first in baas_job_ref (which outlives the job's move to the archive); of two
        // callers racing with one RefId, the second waits for the first's commit and then answers its job.
        var ownTransaction = db.Transaction is null;
        var tx = ownTransaction ? (async ? await db.OpenTransactionAsync(ct).ConfigureAwait(false) : db.OpenTransaction()) : null;
        try
        {
            var p = new { refId = job.RefId, now = job.CreatedAt };
            var claimed = await ExecAsync(db, async,
                "INSERT INTO baas_job_ref (ref_id, job_id, created_at) VALUES (@refId, 0, @now) ON CONFLICT (ref_id) DO NOTHING", p, ct).ConfigureAwait(false);
            if (claimed == 0)
            {
                var existing = await ScalarAsync<long>(db, async, "SELECT job_id FROM baas_job_ref WHERE ref_id = @refId", p, ct).ConfigureAwait(false);
                return new JobRef(existing, job.RefId);
            }
            job.Id = async ? await db.InsertAsync(job, ct).ConfigureAwait(false) : db.Insert(job);
            await ExecAsync(db, async, "UPDATE baas_job_ref SET job_id = @id WHERE ref_id = @refId", new { id = job.Id, refId = job.RefId }, ct).ConfigureAwait(false);
            await AnnounceAsync(db, async, ct).ConfigureAwait(false);
            if (tx is not null)
            {
                if (async) await tx.CommitAsync(ct).ConfigureAwait(false);
                else tx.Commit();
            }
            _changes.Mark(job.Id);
            return new JobRef(job.Id, job.RefId);
        }
        finally
        {
            if (tx is not null) await tx.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Inserts new jobs with one statement (<see cref="JobSql.InsertMany"/>) and answers their ids, in the order given.
    /// Throws <see cref="RowsRefusedException"/> when the database refused the statement for what is in the rows (a
    /// constraint or a bad value): then none of them was stored.
    /// </summary>
    public async Task<long[]> InsertManyAsync(List<JobRecord> jobs, CancellationToken ct)
    {
        await using var db = await OpenAsync(ct).ConfigureAwait(false);
        var sql = Sql.InsertMany(jobs.Count, ShouldAnnounce());
        var fields = Sql.InsertFields;
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        for (var r = 0; r < jobs.Count; r++)
        {
            for (var c = 0; c < fields.Length; c++)
                AddParameter(command, $"v{r}_{c}", db.Dialect.ToDbValue(fields[c].GetValue(jobs[r]), fields[c]));
        }
        var ids = new Dictionary<string, long>(jobs.Count, StringComparer.Ordinal);
        try
        {
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
                ids[(string)db.Dialect.FromDbValue(reader.GetValue(1), typeof(string), null)!] = reader.GetInt64(0);
        }
        catch (DbException e) when (db.Dialect.TranslateException(e, sql) is var translated
            && (translated is ConstraintViolationException || e.SqlState is ['2', '2' or '3', ..]))
        {
            throw new RowsRefusedException(translated ?? e);
        }
        var stored = jobs.ConvertAll(j => ids[j.RefId]).ToArray();
        _changes.Mark(stored);
        return stored;
    }

    /// <summary>Inserts one new job through the typed API (its errors are the typed API's) and answers its id.</summary>
    public async Task<long> InsertOneAsync(JobRecord job, CancellationToken ct)
    {
        await using var db = await OpenAsync(ct).ConfigureAwait(false);
        var id = await db.InsertAsync(job, ct).ConfigureAwait(false);
        await AnnounceAsync(db, true, ct).ConfigureAwait(false);
        _changes.Mark(id);
        return id;
    }

    /// <summary>The least time between two announcements of new jobs from this process.</summary>
    private const long AnnounceEveryMs = 20;

    private long _lastAnnouncedAt = long.MinValue / 2;

    /// <summary>
    /// Whether this insert should announce its jobs: at most once per <see cref="AnnounceEveryMs"/>. A lone job is always
    /// announced, so idle nodes start it at once; in a stream of jobs the nodes are awake anyway, and a NOTIFY per insert
    /// would cost more than it saves (PostgreSQL serialises the commits that notify, and every wake-up is a claim):
    /// measured, enqueue-while-running fell from 2,240-2,880 to 1,570-1,760 jobs/s with one per insert.
    /// </summary>
    private bool ShouldAnnounce()
    {
        if (!Sql.Notifies) return false;
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref _lastAnnouncedAt);
        return now - last >= AnnounceEveryMs && Interlocked.CompareExchange(ref _lastAnnouncedAt, now, last) == last;
    }

    /// <summary>
    /// Tells the other nodes a job was queued (PostgreSQL with notifications on: <c>SELECT pg_notify('baas_jobs', '')</c>,
    /// delivered when the insert's transaction commits). Grouped inserts announce in their own statement instead.
    /// </summary>
    private async ValueTask AnnounceAsync(DataConnection db, bool async, CancellationToken ct)
    {
        if (!ShouldAnnounce()) return;
        await ExecAsync(db, async, "SELECT " + db.Dialect.NotifySql(JobSql.Channel), null, ct).ConfigureAwait(false);
    }

    /// <summary>The database refused a grouped INSERT for what its rows hold; none of them was stored.</summary>
    public sealed class RowsRefusedException(Exception inner) : Exception("The database refused the rows.", inner);

    /// <summary>The state of a job in the live queue or an archive, or null when there is no such job.</summary>
    private async ValueTask<JobState?> FindStateAsync(DataConnection db, long id, bool async, CancellationToken ct)
    {
        var live = await ScalarAsync<string>(db, async, "SELECT state FROM baas_job WHERE id = @id", new { id }, ct).ConfigureAwait(false);
        if (live is not null) return Enum.Parse<JobState>(live);
        foreach (var table in await ArchiveTablesAsync(db, async, ct).ConfigureAwait(false))
        {
            var archived = await ScalarAsync<string>(db, async, $"SELECT state FROM {db.Dialect.QuoteIdentifier(table)} WHERE id = @id", new { id }, ct)
                .ConfigureAwait(false);
            if (archived is not null) return Enum.Parse<JobState>(archived);
        }
        return null;
    }
}
