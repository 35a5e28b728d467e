namespace BaaS.RequestLogs;

/// <summary>
/// Answers <see cref="AdminGetRequestAnalytics"/> from the aggregates: minute buckets from the per-minute rows, hour and
/// day buckets from the per-hour rows, so a month of hours reads about 720 rows per series whatever the traffic.
/// </summary>
internal sealed class RequestAnalytics(RequestLogStore store, TimeProvider clock)
{
    private const int DefaultTake = 10;
    private const int MaxTake = 100;

    /// <summary>The most points a series may have; more asks for a larger bucket or a shorter range.</summary>
    public const int MaxPoints = 2000;

    public async Task<AdminGetRequestAnalyticsResponse> GetAsync(AdminGetRequestAnalytics request, CancellationToken ct)
    {
        var take = request.Take ?? DefaultTake;
        if (take is < 1 or > MaxTake) throw HttpError.Validation(nameof(request.Take), "OutOfRange", $"Take must be between 1 and {MaxTake}.");
        var (dimension, value) = FilterOf(request);
        var to = Utc(request.To) ?? clock.GetUtcNow().UtcDateTime;
        var from = Utc(request.From) ?? to.AddHours(-24);
        if (to <= from) throw HttpError.Validation(nameof(request.To), "OutOfRange", "To must be later than From.");
        var bucket = request.Bucket ?? DefaultBucket(to - from);
        var minutes = MinutesOf(bucket);
        // Whole buckets: the start rounded down, the end rounded up.
        var fromMinute = FloorTo(RequestLogStore.MinuteOf(from), minutes);
        var toMinute = -FloorTo(-CeilingMinuteOf(to), minutes);
        var points = (toMinute - fromMinute) / minutes;
        if (points > MaxPoints)
            throw HttpError.Validation(nameof(request.Bucket), "TooManyPoints",
                $"{bucket} buckets over this range make {points:N0} points; at most {MaxPoints:N0}: choose a larger bucket or a shorter range.");
        var span = bucket == RequestAnalyticsBucket.Minute ? 1 : 60;

        var series = await store.SeriesAsync(span, dimension, value, fromMinute, toMinute, minutes, ct).ConfigureAwait(false);
        var bySlot = series.ToDictionary(s => s.StartMinute);
        var response = new AdminGetRequestAnalyticsResponse
        {
            From = RequestLogStore.TimeOf(fromMinute),
            To = RequestLogStore.TimeOf(toMinute),
            Bucket = bucket,
        };
        var totals = new RequestStatRecord();
        for (var start = fromMinute; start < toMinute; start += minutes)
        {
            var point = new RequestStatsPoint { Start = RequestLogStore.TimeOf(start) };
            if (bySlot.TryGetValue(start / minutes, out var sums))
            {
                Fill(point, sums);
                Add(totals, sums);
            }
            response.Series.Add(point);
        }
        Fill(response.Totals, totals);

        var operations = await Groups(RequestLogStore.Dimensions.Operation, null).ConfigureAwait(false);
        response.Operations = [.. operations.OrderByDescending(g => g.Requests).ThenBy(g => g.Key, StringComparer.Ordinal).Take(take)];
        response.SlowestOperations = [.. operations.OrderByDescending(g => g.P95Ms).ThenByDescending(g => g.AverageMs).ThenBy(g => g.Key, StringComparer.Ordinal).Take(take)];
        response.Users = await Groups(RequestLogStore.Dimensions.User, take).ConfigureAwait(false);
        response.ApiKeys = await Groups(RequestLogStore.Dimensions.ApiKey, take).ConfigureAwait(false);
        response.Statuses = [.. (await Groups(RequestLogStore.Dimensions.Status, null).ConfigureAwait(false))
            .OrderByDescending(g => g.Requests).ThenBy(g => g.Key, StringComparer.Ordinal)];
        return response;

        async Task<List<RequestStatsGroup>> Groups(string of, int? top)
        {
            var rows = await store.GroupsAsync(span, of, fromMinute, toMinute, top, ct).ConfigureAwait(false);
            return [.. rows.Select(r =>
            {
                var group = new RequestStatsGroup { Key = r.DimensionValue, Label = r.Label };
                Fill(group, r);
                return group;
            })];
        }
    }

    /// <summary>The dimension and value the totals and series are narrowed to: at most one of the four filters.</summary>
    private static (string Dimension, string Value) FilterOf(AdminGetRequestAnalytics request)
    {
        var filters = new List<(string Field, string Dimension, string Value)>();
        if (!string.IsNullOrWhiteSpace(request.Operation)) filters.Add((nameof(request.Operation), RequestLogStore.Dimensions.Operation, request.Operation.Trim()));
        if (request.StatusCode is { } status) filters.Add((nameof(request.StatusCode), RequestLogStore.Dimensions.Status, status.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (!string.IsNullOrWhiteSpace(request.UserId)) filters.Add((nameof(request.UserId), RequestLogStore.Dimensions.User, request.UserId.Trim()));
        if (request.ApiKeyId is { } key) filters.Add((nameof(request.ApiKeyId), RequestLogStore.Dimensions.ApiKey, key.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (filters.Count > 1)
            throw HttpError.Validation(filters[1].Field, "OneFilter",
                $"Give at most one of Operation, StatusCode, UserId and ApiKeyId (both {filters[0].Field} and {filters[1].Field} were given).");
        return filters.Count == 0 ? (RequestLogStore.Dimensions.All, "") : (filters[0].Dimension, filters[0].Value);
    }

    private static RequestAnalyticsBucket DefaultBucket(TimeSpan range) =>
        range <= TimeSpan.FromHours(3) ? RequestAnalyticsBucket.Minute : range <= TimeSpan.FromDays(7) ? RequestAnalyticsBucket.Hour : RequestAnalyticsBucket.Day;

    private static int MinutesOf(RequestAnalyticsBucket bucket) => bucket switch
    {
        RequestAnalyticsBucket.Minute => 1,
        RequestAnalyticsBucket.Hour => 60,
        RequestAnalyticsBucket.Day => 1440,
        _ => throw HttpError.Validation(nameof(AdminGetRequestAnalytics.Bucket), "InvalidValue", "Bucket is Minute, Hour or Day."),
    };

    private static long FloorTo(long minute, int size) => minute - (((minute % size) + size) % size);

    private static long CeilingMinuteOf(DateTime utc)
    {
        var minute = RequestLogStore.MinuteOf(utc);
        return RequestLogStore.TimeOf(minute) < utc ? minute + 1 : minute;
    }

    private static DateTime? Utc(DateTime? value) => value switch
    {
        null => null,
        { Kind: DateTimeKind.Local } local => local.ToUniversalTime(),
        { Kind: DateTimeKind.Unspecified } unspecified => DateTime.SpecifyKind(unspecified, DateTimeKind.Utc),
        { } utc => utc,
    };

    private static void Add(RequestStatRecord into, RequestStatRecord from)
    {
        into.Requests += from.Requests;
        into.Errors += from.Errors;
        into.ServerErrors += from.ServerErrors;
        into.TotalMs += from.TotalMs;
        for (var i = 0; i < DurationHistogram.Count; i++) into.AddToBucket(i, from.Bucket(i));
    }

    private static void Fill(RequestStats stats, RequestStatRecord sums)
    {
        stats.Requests = sums.Requests;
        stats.Errors = sums.Errors;
        stats.ServerErrors = sums.ServerErrors;
        if (sums.Requests == 0) return;
        stats.AverageMs = sums.TotalMs / sums.Requests;
        var counts = sums.Histogram();
        stats.P50Ms = DurationHistogram.Percentile(counts, sums.Requests, 0.50);
        stats.P95Ms = DurationHistogram.Percentile(counts, sums.Requests, 0.95);
        stats.P99Ms = DurationHistogram.Percentile(counts, sums.Requests, 0.99);
    }
}
