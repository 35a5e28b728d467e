using BaaS.Data;

namespace BaaS.RequestLogs;

internal sealed partial class RequestLogStore
{
    // Aggregates per upsert statement: 49 parameters each, well under both databases' limits.
    private const int UpsertChunk = 200;

    /// <summary>The dimensions every call is counted under.</summary>
    public static class Dimensions
    {
        public const string All = "all";
        public const string Operation = "operation";
        public const string Status = "status";
        public const string User = "user";
        public const string ApiKey = "apiKey";
    }

    /// <summary>
    /// Writes a batch in one transaction: the rows and their aggregates (per minute and per hour, summed in memory first,
    /// then added to the stored ones), so the log and analytics never disagree.
    /// </summary>
    public async Task WriteAsync(IReadOnlyList<RequestLogEntry> entries, CancellationToken ct)
    {
        var rows = new List<RequestLog>(entries.Count);
        foreach (var entry in entries) rows.Add(entry.ToRow());
        var stats = Aggregate(rows);
        await using var db = await OpenAsync(ct).ConfigureAwait(false);
        await using var tx = await db.OpenTransactionAsync(ct).ConfigureAwait(false);
        // PostgreSQL: a binary COPY; SQLite: one prepared INSERT rebound per row (BaaS.Data's BulkInsert).
        await db.BulkInsertAsync(rows, ct).ConfigureAwait(false);
        await UpsertStatsAsync(db, stats, ct).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Adds the aggregates to the stored ones: on SQLite one prepared single-row upsert rebound per aggregate (for the
    /// reason BulkInsert gives), elsewhere multi-row upserts of <see cref="UpsertChunk"/> rows.
    /// </summary>
    private async Task UpsertStatsAsync(DataConnection db, List<RequestStatRecord> stats, CancellationToken ct)
    {
        var sql = Statements;
        if (!db.Dialect.Capabilities.SerializesWrites)
        {
            for (var i = 0; i < stats.Count; i += UpsertChunk)
            {
                var (statement, values) = sql.UpsertStats(stats.GetRange(i, Math.Min(UpsertChunk, stats.Count - i)));
                await db.ExecuteSqlAsync(statement, values, ct).ConfigureAwait(false);
            }
            return;
        }
        await using var command = db.CreateCommand();
        command.CommandText = sql.UpsertStats([stats[0]]).Sql;
        var parameters = new List<System.Data.Common.DbParameter>(sql.StatColumns.Count);
        for (var c = 0; c < sql.StatColumns.Count; c++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = Sql.ParameterName(0, c);
            command.Parameters.Add(parameter);
            parameters.Add(parameter);
        }
        await command.PrepareAsync(ct).ConfigureAwait(false);
        foreach (var stat in stats)
        {
            sql.BindStat(stat, parameters);
            await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The aggregates of <paramref name="rows"/>: per minute and per hour, for every call, its operation, its status, its
    /// user and its API key; sorted by key, so nodes writing at once take the rows' locks in the same order.
    /// </summary>
    internal static List<RequestStatRecord> Aggregate(IEnumerable<RequestLog> rows)
    {
        var stats = new Dictionary<(int, string, string, long), RequestStatRecord>();
        foreach (var row in rows)
        {
            var minute = MinuteOf(row.Timestamp);
            var bucket = DurationHistogram.BucketOf(row.DurationMs);
            foreach (var span in (ReadOnlySpan<int>)[1, 60])
            {
                var start = minute - minute % span;
                Add(Dimensions.All, "", null);
                Add(Dimensions.Operation, row.Operation, null);
                Add(Dimensions.Status, row.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture), null);
                if (row.UserId is { } user) Add(Dimensions.User, user, row.UserName);
                if (row.ApiKeyId is { } key) Add(Dimensions.ApiKey, key.ToString(System.Globalization.CultureInfo.InvariantCulture), row.UserName);

                void Add(string dimension, string value, string? label)
                {
                    if (!stats.TryGetValue((span, dimension, value, start), out var stat))
                    {
                        stat = new RequestStatRecord { Span = span, Dimension = dimension, DimensionValue = value, StartMinute = start };
                        stats.Add((span, dimension, value, start), stat);
                    }
                    if (label is not null) stat.Label = RequestLogEntry.Cut(label, 256);
                    stat.Requests++;
                    if (row.StatusCode >= 400) stat.Errors++;
                    if (row.StatusCode >= 500) stat.ServerErrors++;
                    stat.TotalMs += row.DurationMs;
                    stat.AddToBucket(bucket, 1);
                }
            }
        }
        return [.. stats.Values
            .OrderBy(s => s.Span).ThenBy(s => s.Dimension, StringComparer.Ordinal).ThenBy(s => s.StartMinute).ThenBy(s => s.DimensionValue, StringComparer.Ordinal)];
    }

    /// <summary>Minutes since 1970-01-01 UTC.</summary>
    internal static long MinuteOf(DateTime utc) => (utc.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMinute;

    /// <summary>The start (UTC) of minute <paramref name="minute"/> since 1970-01-01.</summary>
    internal static DateTime TimeOf(long minute) => new(DateTime.UnixEpoch.Ticks + minute * TimeSpan.TicksPerMinute, DateTimeKind.Utc);
}
