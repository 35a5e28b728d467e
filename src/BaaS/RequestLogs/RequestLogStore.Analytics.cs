using BaaS.Data;

namespace BaaS.RequestLogs;

internal sealed partial class RequestLogStore
{
    /// <summary>
    /// Sums of one dimension value per bucket of <paramref name="bucketMinutes"/>, from the aggregates of
    /// <paramref name="span"/> minutes in [<paramref name="from"/>, <paramref name="to"/>) (minutes since 1970): each
    /// row's <see cref="RequestStatRecord.StartMinute"/> is the bucket's number (its start / <paramref name="bucketMinutes"/>).
    /// </summary>
    public async Task<List<RequestStatRecord>> SeriesAsync(int span, string dimension, string value, long from, long to, int bucketMinutes,
        CancellationToken ct)
    {
        await using var db = await OpenAsync(ct).ConfigureAwait(false);
        return await db.SqlListAsync<RequestStatRecord>(Statements.Series,
            new { span, dimension, value, from, to, bucket = (long)bucketMinutes }, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Sums per value of <paramref name="dimension"/> over [<paramref name="from"/>, <paramref name="to"/>): every value,
    /// or the <paramref name="take"/> with the most calls.
    /// </summary>
    public async Task<List<RequestStatRecord>> GroupsAsync(int span, string dimension, long from, long to, int? take, CancellationToken ct)
    {
        await using var db = await OpenAsync(ct).ConfigureAwait(false);
        if (take is not { } top)
            return await db.SqlListAsync<RequestStatRecord>(Statements.Groups, new { span, dimension, from, to }, ct).ConfigureAwait(false);
        var values = await db.ColumnAsync<string>(Statements.TopValues, new { span, dimension, from, to, take = top }, ct).ConfigureAwait(false);
        if (values.Count == 0) return [];
        var parameters = new Dictionary<string, object?> { ["span"] = span, ["dimension"] = dimension, ["from"] = from, ["to"] = to };
        for (var i = 0; i < values.Count; i++) parameters["v" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)] = values[i];
        var rows = await db.SqlListAsync<RequestStatRecord>(Statements.GroupsOf(values.Count), parameters, ct).ConfigureAwait(false);
        return [.. rows.OrderByDescending(r => r.Requests).ThenBy(r => r.DimensionValue, StringComparer.Ordinal)];
    }
}
