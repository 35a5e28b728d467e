using BaaS.Data;

namespace BaaS.Jobs;

internal sealed partial class JobStore
{
    // Any constant: the key of the PostgreSQL advisory lock that nodes take while they change the jobs schema.
    private const long SchemaLockKey = 0x6261_6173_6a6f_6273; // "baasjobs"

    /// <summary>The schema's versions, applied in order, each once; a new version appends a step.</summary>
    private static readonly (int Version, Func<DataConnection, JobSql, bool, CancellationToken, ValueTask> Apply)[] Steps =
    [
        (1, CreateV1Async),
        (2, AddTraceParentAsync),
    ];

    private async ValueTask EnsureSchemaAsync(DataConnection db, bool async, CancellationToken ct)
    {
        if (async) await _schemaLock.WaitAsync(ct).ConfigureAwait(false);
        else _schemaLock.Wait(ct);
        try
        {
            if (_schemaReady) return;
            var sql = Sql;
            await using (var tx = async ? await db.OpenTransactionAsync(ct).ConfigureAwait(false) : db.OpenTransaction())
            {
                if (sql.SchemaLock is { } schemaLock)
                    await ExecAsync(db, async, schemaLock, new { key = SchemaLockKey }, ct).ConfigureAwait(false);
                if (async) await db.CreateTableIfNotExistsAsync<JobSchemaRecord>(ct).ConfigureAwait(false);
                else db.CreateTableIfNotExists<JobSchemaRecord>();
                var current = await ScalarAsync<int?>(db, async, "SELECT MAX(version) FROM baas_job_schema", null, ct).ConfigureAwait(false) ?? 0;
                foreach (var (version, apply) in Steps.Where(s => s.Version > current))
                {
                    await apply(db, sql, async, ct).ConfigureAwait(false);
                    await ExecAsync(db, async, "INSERT INTO baas_job_schema (version, applied_at) VALUES (@version, @now)",
                        new { version, now = Now }, ct).ConfigureAwait(false);
                }
                if (async) await tx.CommitAsync(ct).ConfigureAwait(false);
                else tx.Commit();
            }
            _schemaReady = true;
        }
        finally
        {
            _schemaLock.Release();
        }
    }

    // Version 1: the live queue, RefIds, schedules and the archive registry.
    private static async ValueTask CreateV1Async(DataConnection db, JobSql sql, bool async, CancellationToken ct)
    {
        if (async)
        {
            await db.CreateTableIfNotExistsAsync<JobRecord>(ct).ConfigureAwait(false);
            await db.CreateTableIfNotExistsAsync<JobRefRecord>(ct).ConfigureAwait(false);
            await db.CreateTableIfNotExistsAsync<ScheduleRecord>(ct).ConfigureAwait(false);
            await db.CreateTableIfNotExistsAsync<ArchiveMonthRecord>(ct).ConfigureAwait(false);
        }
        else
        {
            db.CreateTableIfNotExists<JobRecord>();
            db.CreateTableIfNotExists<JobRefRecord>();
            db.CreateTableIfNotExists<ScheduleRecord>();
            db.CreateTableIfNotExists<ArchiveMonthRecord>();
        }
        foreach (var statement in JobSql.LiveIndexes) await ExecAsync(db, async, statement, null, ct).ConfigureAwait(false);
    }

    // Version 2: the enqueuing span's traceparent on every job, live and archived. A queue created since has the column
    // already (version 1 creates the table from today's model); one created before gets it added, as do its archives.
    private static async ValueTask AddTraceParentAsync(DataConnection db, JobSql sql, bool async, CancellationToken ct)
    {
        var field = ModelDefinition.For<JobRecord>().GetField(nameof(JobRecord.TraceParent));
        var tables = await ArchiveTablesAsync(db, async, ct).ConfigureAwait(false);
        tables.Insert(0, "baas_job");
        foreach (var table in tables)
        {
            var exists = async
                ? await db.ColumnExistsAsync(table, field.ColumnName, ct: ct).ConfigureAwait(false)
                : db.ColumnExists(table, field.ColumnName);
            if (!exists)
                await ExecAsync(db, async, $"ALTER TABLE {db.Dialect.QuoteIdentifier(table)} ADD COLUMN {db.Dialect.ColumnDefinition(field)}", null, ct)
                    .ConfigureAwait(false);
        }
    }
}
