using BaaS.Data;

namespace BaaS.RequestLogs;

/// <summary>
/// The request log's tables in the app's database (or <see cref="RequestLogsOptions.ConnectionName"/>'s):
/// <c>baas_request_log</c>, one row per call, and <c>baas_request_stat</c>, the per-minute and per-hour aggregates that
/// analytics read. Their schema is versioned in <c>baas_request_log_schema</c> and created when the node starts.
/// </summary>
internal sealed partial class RequestLogStore(IDbConnectionFactory factory, RequestLogsOptions options, TimeProvider clock)
{
    // Any constant: the PostgreSQL advisory lock nodes take while they create the schema.
    private const long SchemaLockKey = 0x6261_6173_7265_716c; // "baasreql"

    private readonly SemaphoreSlim _schemaLock = new(1, 1);
    private volatile bool _schemaReady;
    private Sql? _sql;

    /// <summary>The schema's versions, applied in order, each once; a new version appends a step.</summary>
    private static readonly (int Version, Func<DataConnection, CancellationToken, Task> Apply)[] Steps =
    [
        (1, CreateV1Async),
        (2, CreateV2Async),
    ];

    /// <summary>Opens a connection to the log's database.</summary>
    public Task<DataConnection> OpenAsync(CancellationToken ct) =>
        options.ConnectionName is { Length: > 0 } name ? factory.OpenAsync(name, ct) : factory.OpenAsync(ct);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Creates or upgrades the tables; nodes starting together take turns (an advisory lock on PostgreSQL).</summary>
    public async Task EnsureSchemaAsync(CancellationToken ct)
    {
        if (_schemaReady) return;
        await _schemaLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_schemaReady) return;
            await using var db = await OpenAsync(ct).ConfigureAwait(false);
            await using (var tx = await db.OpenTransactionAsync(ct).ConfigureAwait(false))
            {
                if (db.Dialect.Capabilities.AdvisoryLocks)
                    await db.ExecuteSqlAsync(db.Dialect.AdvisoryTransactionLockSql("key"), new { key = SchemaLockKey }, ct).ConfigureAwait(false);
                await db.CreateTableIfNotExistsAsync<RequestLogSchemaRecord>(ct).ConfigureAwait(false);
                var current = await db.SqlScalarAsync<int?>("SELECT MAX(version) FROM baas_request_log_schema", ct: ct).ConfigureAwait(false) ?? 0;
                foreach (var (version, apply) in Steps.Where(s => s.Version > current))
                {
                    await apply(db, ct).ConfigureAwait(false);
                    await db.ExecuteSqlAsync("INSERT INTO baas_request_log_schema (version, applied_at) VALUES (@version, @now)",
                        new { version, now = Now }, ct).ConfigureAwait(false);
                }
                await tx.CommitAsync(ct).ConfigureAwait(false);
            }
            _sql ??= new Sql(db.Dialect);
            _schemaReady = true;
        }
        finally
        {
            _schemaLock.Release();
        }
    }

    // Version 1: the log and its aggregates, with their indexes.
    private static async Task CreateV1Async(DataConnection db, CancellationToken ct)
    {
        await db.CreateTableIfNotExistsAsync<RequestLog>(ct).ConfigureAwait(false);
        await db.CreateTableIfNotExistsAsync<RequestStatRecord>(ct).ConfigureAwait(false);
    }

    // Version 2: the aggregates' indexes for the top users and keys (analytics read them from the index alone), which a
    // database made at version 1 lacks. Every statement of the table is IF NOT EXISTS, so this adds only what is missing.
    private static Task CreateV2Async(DataConnection db, CancellationToken ct) => db.CreateTableIfNotExistsAsync<RequestStatRecord>(ct);

    /// <summary>The SQL of this database, built once the schema exists.</summary>
    private Sql Statements => _sql ?? throw new InvalidOperationException("The request log's schema is not ready: the writer creates it when the node starts.");
}
