using System.Collections.Concurrent;
using BaaS.Data;

namespace BaaS.Jobs;

internal sealed partial class JobStore
{
    private readonly ConcurrentDictionary<string, bool> _sharesDatabase = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Whether <paramref name="db"/> is a connection to the database that holds the jobs, so a job can be inserted in
    /// its transaction (else it goes through the outbox). Decided once per connection name: the same engine, server and
    /// database (<see cref="System.Data.Common.DbConnection.DataSource"/> and <see cref="System.Data.Common.DbConnection.Database"/>;
    /// for SQLite the file). Always false with <see cref="JobsOptions.AlwaysUseOutbox"/>.
    /// </summary>
    public async ValueTask<bool> SharesDatabaseAsync(DataConnection db, CancellationToken ct)
    {
        if (_options.AlwaysUseOutbox) return false;
        var name = db.Name ?? "";
        if (_sharesDatabase.TryGetValue(name, out var known)) return known;
        await using var jobs = await OpenAsync(ct).ConfigureAwait(false);
        var same = string.Equals(db.Name, _options.ConnectionName, StringComparison.OrdinalIgnoreCase)
            || (db.Dialect.Name == jobs.Dialect.Name
                && string.Equals(db.DataSource, jobs.DataSource, StringComparison.Ordinal)
                && string.Equals(db.Database, jobs.Database, StringComparison.Ordinal));
        return _sharesDatabase.GetOrAdd(name, same);
    }

    /// <summary>
    /// Stores a job moved from an outbox, in the jobs database's transaction <paramref name="jobs"/>: under its RefId, so
    /// a job moved twice (a node died between storing it and deleting its outbox row, or two nodes drained the same row)
    /// is stored once.
    /// </summary>
    public ValueTask<JobRef> StoreFromOutboxAsync(DataConnection jobs, JobRecord job, CancellationToken ct)
    {
        job.Id = 0;
        return EnqueueAsync(jobs, job, callerRefId: true, async: true, ct);
    }
}
