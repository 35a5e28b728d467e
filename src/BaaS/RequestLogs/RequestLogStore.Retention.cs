using BaaS.Data;

namespace BaaS.RequestLogs;

internal sealed partial class RequestLogStore
{
    /// <summary>What one retention pass deleted.</summary>
    public readonly record struct Deleted(long Rows, long MinuteAggregates, long HourAggregates);

    /// <summary>
    /// Deletes rows and per-minute aggregates older than <see cref="RequestLogsOptions.RetentionDays"/>, and per-hour
    /// aggregates older than <see cref="RequestLogsOptions.AnalyticsRetentionDays"/>, in statements of at most
    /// <see cref="RequestLogsOptions.RetentionChunkSize"/> rows each (so no statement holds the table, or SQLite's one
    /// writer, for long). Safe to run on several nodes at once.
    /// </summary>
    public async Task<Deleted> DeleteExpiredAsync(CancellationToken ct)
    {
        await EnsureSchemaAsync(ct).ConfigureAwait(false);
        var sql = Statements;
        var now = Now;
        var rowsCutoff = now.AddDays(-options.RetentionDays);
        var hoursCutoff = now.AddDays(-options.AnalyticsRetentionDays);
        var rows = await DeleteInChunksAsync(sql.DeleteLogs, n => new { cutoff = rowsCutoff, n }, ct).ConfigureAwait(false);
        var minutes = await DeleteInChunksAsync(sql.DeleteStats, n => new { span = 1, cutoff = MinuteOf(rowsCutoff), n }, ct).ConfigureAwait(false);
        var hours = await DeleteInChunksAsync(sql.DeleteStats, n => new { span = 60, cutoff = MinuteOf(hoursCutoff), n }, ct).ConfigureAwait(false);
        return new Deleted(rows, minutes, hours);
    }

    private async Task<long> DeleteInChunksAsync(string statement, Func<int, object> parameters, CancellationToken ct)
    {
        var chunk = options.RetentionChunkSize;
        long total = 0;
        await using var db = await OpenAsync(ct).ConfigureAwait(false);
        while (true)
        {
            var deleted = await db.ExecuteSqlAsync(statement, parameters(chunk), ct).ConfigureAwait(false);
            total += deleted;
            if (deleted < chunk) return total;
        }
    }
}
