using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using BaaS.Data;

namespace BaaS.Jobs;

internal sealed partial class JobStore
{
    private readonly ConcurrentDictionary<string, bool> _archiveTables = new(StringComparer.Ordinal);

    [GeneratedRegex(@"^baas_job_archive_\d{6}$")]
    private static partial Regex ArchiveTableName();

    /// <summary>
    /// Moves finished jobs older than <see cref="JobsOptions.ArchiveAfter"/> (failed ones: <see cref="JobsOptions.ArchiveFailedAfter"/>)
    /// into the archive table of the month they finished in, at most <paramref name="maxBatches"/> batches. Answers how many moved.
    /// </summary>
    public async Task<int> ArchiveAsync(int maxBatches, CancellationToken ct)
    {
        var moved = 0;
        for (var batch = 0; batch < maxBatches; batch++)
        {
            await using var db = await OpenAsync(ct).ConfigureAwait(false);
            var now = Now;
            var p = P();
            p["cutoff"] = now - _options.ArchiveAfter;
            p["failedCutoff"] = now - _options.ArchiveFailedAfter;
            var oldest = await db.SqlScalarAsync<DateTime?>(JobSql.OldestArchivable, p, ct).ConfigureAwait(false);
            if (oldest is null) break;
            var monthStart = new DateTime(oldest.Value.Year, oldest.Value.Month, 1, 0, 0, 0, DateTimeKind.Utc);
            var table = await EnsureArchiveTableAsync(db, monthStart, ct).ConfigureAwait(false);
            p["monthStart"] = monthStart;
            p["monthEnd"] = monthStart.AddMonths(1);
            p["take"] = _options.ArchiveBatchSize;
            int count;
            if (Sql.LocksRows)
            {
                count = await db.ExecuteSqlAsync(Sql.ArchiveMove(table), p, ct).ConfigureAwait(false);
            }
            else
            {
                // One IMMEDIATE transaction: the rows picked are the rows copied and deleted.
                await using var tx = await db.OpenTransactionAsync(ct).ConfigureAwait(false);
                var ids = await db.ColumnAsync<long>(JobSql.ArchivePick, p, ct).ConfigureAwait(false);
                var json = JsonSerializer.Serialize(ids);
                count = ids.Count == 0 ? 0 : await db.ExecuteSqlAsync(Sql.ArchiveCopy(table), new { ids = json }, ct).ConfigureAwait(false);
                if (count > 0) await db.ExecuteSqlAsync(JobSql.ArchiveDelete, new { ids = json }, ct).ConfigureAwait(false);
                await tx.CommitAsync(ct).ConfigureAwait(false);
            }
            moved += count;
            if (count == 0) break;
        }
        if (moved > 0) _changes.MarkMore();
        return moved;
    }

    private async Task<string> EnsureArchiveTableAsync(DataConnection db, DateTime monthStart, CancellationToken ct)
    {
        var table = JobSql.ArchiveTable(monthStart);
        if (_archiveTables.ContainsKey(table)) return table;
        await using (var tx = await db.OpenTransactionAsync(ct).ConfigureAwait(false))
        {
            if (Sql.SchemaLock is { } schemaLock)
                await db.ExecuteSqlAsync(schemaLock, new { key = SchemaLockKey }, ct).ConfigureAwait(false);
            foreach (var statement in Sql.CreateArchive(table)) await db.ExecuteSqlAsync(statement, ct: ct).ConfigureAwait(false);
            await db.ExecuteSqlAsync(
                "INSERT INTO baas_job_archive_month (month, table_name, created_at) VALUES (@month, @table, @now) ON CONFLICT (month) DO NOTHING",
                new { month = JobSql.MonthKey(monthStart), table, now = Now }, ct).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);
        }
        _archiveTables[table] = true;
        return table;
    }

    /// <summary>The archive tables, newest month first (names checked against the pattern this module creates).</summary>
    private static async ValueTask<List<string>> ArchiveTablesAsync(DataConnection db, bool async, CancellationToken ct)
    {
        var names = await ListAsync<string>(db, async, "SELECT table_name FROM baas_job_archive_month ORDER BY month DESC", null, ct).ConfigureAwait(false);
        return names.Where(n => ArchiveTableName().IsMatch(n)).ToList();
    }

    /// <summary>The archive table of a month key (<c>2026-11</c>), or null when that month has no archive.</summary>
    private static async Task<string?> ArchiveTableOfAsync(DataConnection db, string month, CancellationToken ct)
    {
        var name = await db.SqlScalarAsync<string>("SELECT table_name FROM baas_job_archive_month WHERE month = @month", new { month }, ct).ConfigureAwait(false);
        return name is not null && ArchiveTableName().IsMatch(name) ? name : null;
    }

    /// <summary>The months that have an archive, newest first (<c>2026-11</c>).</summary>
    public async Task<List<string>> ArchiveMonthsAsync(CancellationToken ct)
    {
        await using var db = await OpenAsync(ct).ConfigureAwait(false);
        return await db.SqlListAsync<string>("SELECT month FROM baas_job_archive_month ORDER BY month DESC", ct: ct).ConfigureAwait(false);
    }
}
