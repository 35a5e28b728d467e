using System.Collections.Concurrent;
using System.Text.Json;
using BaaS.Data;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BaaS.Jobs;

/// <summary>
/// Moves jobs from the app's outboxes (<c>baas_job_outbox</c>, one per connection in
/// <see cref="JobsOptions.OutboxConnections"/>) to the jobs database. Runs on every node, whether or not it runs jobs:
/// woken when a transaction that wrote to an outbox commits here, and polling every
/// <see cref="JobsOptions.PollInterval"/> for rows that other nodes (or a process that died) left behind. A row is
/// stored under its RefId before it is deleted, so a crash in between, or several nodes draining the same rows, never
/// makes a second job.
/// </summary>
internal sealed partial class OutboxDrainer(JobStore store, IDbConnectionFactory factory, JobNode node, ILogger<OutboxDrainer> logger)
    : BackgroundService
{
    // Any constant: the PostgreSQL advisory lock nodes take while they create an outbox table.
    private const long OutboxLockKey = 0x6261_6173_6f75_7462; // "baasoutb"

    private readonly JobsOptions _options = store.Options;
    private readonly Signal _wake = new();
    private readonly ConcurrentDictionary<string, bool> _ready = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Wakes the drainer: an outbox row has just been committed.</summary>
    public void Signal() => _wake.Set();

    /// <summary>Adds <paramref name="job"/> to the outbox of <paramref name="db"/>, in its open transaction.</summary>
    public async Task AddAsync(DataConnection db, JobRecord job, CancellationToken ct)
    {
        if (!_options.OutboxConnections.Any(c => string.Equals(c ?? "", db.Name ?? "", StringComparison.OrdinalIgnoreCase)))
            throw new InvalidOperationException(
                $"Connection '{db.Name ?? "(default)"}' has no jobs outbox, and the jobs live in another database: add it to " +
                "JobsOptions.OutboxConnections so that nodes create and drain its outbox.");
        if (!_ready.ContainsKey(db.Name ?? ""))
            await db.CreateTableIfNotExistsAsync<JobOutboxRecord>(ct).ConfigureAwait(false); // in the caller's transaction
        await db.InsertAsync(new JobOutboxRecord
        {
            RefId = job.RefId,
            Job = JsonSerializer.Serialize(job),
            CreatedAt = store.Now,
        }, ct).ConfigureAwait(false);
    }

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Before the server takes requests: create the outboxes, so no request's transaction has to.
        foreach (var name in _options.OutboxConnections)
        {
            try
            {
                await PrepareAsync(name, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e, name ?? "(default)");
            }
        }
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var full = false;
            foreach (var name in _options.OutboxConnections)
            {
                try
                {
                    if (!await PrepareAsync(name, stoppingToken).ConfigureAwait(false)) continue;
                    full |= await DrainAsync(name, stoppingToken).ConfigureAwait(false) == _options.OutboxBatchSize;
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    LogFailed(logger, e, name ?? "(default)");
                }
            }
            if (!full) await _wake.WaitAsync(_options.PollInterval, stoppingToken).ConfigureAwait(false);
        }
    }

    private Task<DataConnection> OpenAsync(string? name, CancellationToken ct) =>
        name is null ? factory.OpenAsync(ct) : factory.OpenAsync(name, ct);

    /// <summary>Creates the outbox of connection <paramref name="name"/> (once); false when it needs none (it holds the jobs).</summary>
    private async Task<bool> PrepareAsync(string? name, CancellationToken ct)
    {
        if (_ready.TryGetValue(name ?? "", out var needed)) return needed;
        await using var db = await OpenAsync(name, ct).ConfigureAwait(false);
        if (await store.SharesDatabaseAsync(db, ct).ConfigureAwait(false)) return _ready[name ?? ""] = false;
        await using (var tx = await db.OpenTransactionAsync(ct).ConfigureAwait(false))
        {
            if (db.Dialect.Capabilities.AdvisoryLocks)
                await db.ExecuteSqlAsync(db.Dialect.AdvisoryTransactionLockSql("key"), new { key = OutboxLockKey }, ct)
                    .ConfigureAwait(false);
            await db.CreateTableIfNotExistsAsync<JobOutboxRecord>(ct).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);
        }
        return _ready[name ?? ""] = true;
    }

    /// <summary>Moves the oldest rows of one outbox to the jobs database; answers how many it moved.</summary>
    internal async Task<int> DrainAsync(string? name, CancellationToken ct)
    {
        await using var app = await OpenAsync(name, ct).ConfigureAwait(false);
        var rows = await app.SqlListAsync<JobOutboxRecord>("SELECT * FROM baas_job_outbox ORDER BY id LIMIT @take",
            new { take = _options.OutboxBatchSize }, ct).ConfigureAwait(false);
        if (rows.Count == 0) return 0;

        await using (var jobs = await store.OpenAsync(ct).ConfigureAwait(false))
        {
            await using var tx = await jobs.OpenTransactionAsync(ct).ConfigureAwait(false);
            foreach (var row in rows)
            {
                var job = JsonSerializer.Deserialize<JobRecord>(row.Job)!;
                try
                {
                    await store.StoreFromOutboxAsync(jobs, job, ct).ConfigureAwait(false);
                }
                catch (ArgumentException e)
                {
                    // Cannot become a job (the job it depends on was removed meanwhile): dropped, not retried forever.
                    LogDropped(logger, e, row.RefId, job.Command);
                }
            }
            await tx.CommitAsync(ct).ConfigureAwait(false);
        }

        // Only now, with the jobs committed: a crash before this line leaves rows that the next drain finds stored.
        await using (var tx = await app.OpenTransactionAsync(ct).ConfigureAwait(false))
        {
            foreach (var row in rows)
                await app.ExecuteSqlAsync("DELETE FROM baas_job_outbox WHERE id = @id", new { id = row.Id }, ct).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);
        }
        if (node.IsWorking) node.Wake();
        return rows.Count;
    }

    [LoggerMessage(EventId = 7020, Level = LogLevel.Warning, Message = "Could not drain the jobs outbox of connection {Connection}; retrying")]
    private static partial void LogFailed(ILogger logger, Exception exception, string connection);

    [LoggerMessage(EventId = 7021, Level = LogLevel.Error, Message = "Dropped outbox job {RefId} ({Command}): it cannot be stored")]
    private static partial void LogDropped(ILogger logger, Exception exception, string refId, string command);
}
