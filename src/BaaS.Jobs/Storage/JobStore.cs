using BaaS.Data;
using Microsoft.Extensions.Options;

namespace BaaS.Jobs;

/// <summary>
/// Every read and write of the jobs database: the live queue (<c>baas_job</c>), the monthly archives, RefIds and
/// schedules. The schema is created (or brought up to date) on first use, under a lock on PostgreSQL so that nodes
/// starting together do not race.
/// </summary>
internal sealed partial class JobStore
{
    private readonly IDbConnectionFactory _factory;
    private readonly JobsOptions _options;
    private readonly TimeProvider _clock;
    private readonly SemaphoreSlim _schemaLock = new(1, 1);
    private JobSql? _sql;
    private volatile bool _schemaReady;
    private readonly EnqueueBatcher _batcher;
    private readonly JobChanges _changes;

    public JobStore(IDbConnectionFactory factory, IOptions<JobsOptions> options, TimeProvider clock, JobChanges changes)
    {
        _changes = changes;
        _factory = factory;
        _options = options.Value;
        _options.Validate();
        _clock = clock;
        _batcher = new EnqueueBatcher(this);
        if (_options.ConnectionString is { } connectionString)
        {
            if (factory is not DbConnectionFactory registry)
                throw new InvalidOperationException(
                    $"JobsOptions.UseDatabase needs the app's IDbConnectionFactory to be a DbConnectionFactory, to register '{_options.ConnectionName}' on it; " +
                    $"register the '{_options.ConnectionName}' connection yourself instead.");
            lock (registry)
            {
                if (!registry.ConnectionNames.Contains(_options.ConnectionName, StringComparer.OrdinalIgnoreCase))
                    registry.RegisterConnection(_options.ConnectionName, connectionString, _options.Dialect!);
            }
        }
    }

    public JobsOptions Options => _options;

    /// <summary>The group commit of new jobs.</summary>
    public EnqueueBatcher Batcher => _batcher;

    /// <summary>The current time (UTC) from the app's clock.</summary>
    public DateTime Now => _clock.GetUtcNow().UtcDateTime;

    /// <summary>The statements for the jobs database's dialect (known after the first connection).</summary>
    public JobSql Sql => _sql ?? throw new InvalidOperationException("The jobs database has not been opened yet.");

    /// <summary>Opens the jobs database (creating its schema on first use).</summary>
    public async Task<DataConnection> OpenAsync(CancellationToken ct) => await OpenAsync(true, ct).ConfigureAwait(false);

    /// <summary>Opens the jobs database synchronously (<paramref name="async"/> false) or not.</summary>
    public async ValueTask<DataConnection> OpenAsync(bool async, CancellationToken ct)
    {
        DataConnection db;
        try
        {
            db = async
                ? await _factory.OpenAsync(_options.ConnectionName, ct).ConfigureAwait(false)
                : _factory.Open(_options.ConnectionName);
        }
        catch (InvalidOperationException e) when (e.Message.Contains("No connection named", StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"BaaS.Jobs stores jobs in the '{_options.ConnectionName}' connection, which is not registered: call " +
                $"options.UseDatabase(connectionString, dialect) in AddBaaSJobs, or factory.RegisterConnection(\"{_options.ConnectionName}\", ...).", e);
        }
        try
        {
            _sql ??= new JobSql(db.Dialect) { Notifies = _options.Notifications && db.Dialect.Capabilities.Notifications };
            if (!_schemaReady) await EnsureSchemaAsync(db, async, ct).ConfigureAwait(false);
            return db;
        }
        catch
        {
            await db.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The parameters every statement may use: the states by name, and true/false.</summary>
    private static Dictionary<string, object?> P() => new(16)
    {
        ["queued"] = nameof(JobState.Queued),
        ["started"] = nameof(JobState.Started),
        ["completed"] = nameof(JobState.Completed),
        ["failed"] = nameof(JobState.Failed),
        ["cancelled"] = nameof(JobState.Cancelled),
        ["yes"] = true,
        ["no"] = false,
    };

    private static async ValueTask<int> ExecAsync(DataConnection db, bool async, string sql, object? param, CancellationToken ct) =>
        async ? await db.ExecuteSqlAsync(sql, param, ct).ConfigureAwait(false) : db.ExecuteSql(sql, param);

    private static async ValueTask<List<T>> ListAsync<T>(DataConnection db, bool async, string sql, object? param, CancellationToken ct) =>
        async ? await db.SqlListAsync<T>(sql, param, ct).ConfigureAwait(false) : db.SqlList<T>(sql, param);

    private static async ValueTask<T?> ScalarAsync<T>(DataConnection db, bool async, string sql, object? param, CancellationToken ct) =>
        async ? await db.SqlScalarAsync<T>(sql, param, ct).ConfigureAwait(false) : db.SqlScalar<T>(sql, param);
}
