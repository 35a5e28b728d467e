namespace BaaS;

/// <summary>
/// Request analytics over a time range (Admin only): totals, requests and errors per time bucket, the busiest and the
/// slowest operations, the top users and API keys, and the mix of statuses, with p50/p95/p99 durations. Answered from
/// per-minute and per-hour aggregates written with the log, so a month costs about as much as an hour.
/// </summary>
[Tag("Admin"), ValidateIsAdmin]
public class AdminGetRequestAnalytics : IReturn<AdminGetRequestAnalyticsResponse>, IGet
{
    /// <summary>The range's start (UTC), rounded down to the bucket. Default: <see cref="To"/> minus 24 hours.</summary>
    public DateTime? From { get; set; }

    /// <summary>The range's end (UTC, exclusive), rounded up to the bucket. Default: now.</summary>
    public DateTime? To { get; set; }

    /// <summary>
    /// The size of each point of <see cref="AdminGetRequestAnalyticsResponse.Series"/>. Default: minutes up to 3 hours,
    /// hours up to 7 days, days beyond.
    /// </summary>
    public RequestAnalyticsBucket? Bucket { get; set; }

    /// <summary>How many entries each top list holds, 1 to 100. Default: 10.</summary>
    public int? Take { get; set; }

    /// <summary>Totals and series of this operation only (at most one of Operation, StatusCode, UserId, ApiKeyId).</summary>
    public string? Operation { get; set; }

    /// <summary>Totals and series of calls that answered this status only.</summary>
    public int? StatusCode { get; set; }

    /// <summary>Totals and series of this user's calls only.</summary>
    public string? UserId { get; set; }

    /// <summary>Totals and series of calls made with this API key only.</summary>
    public long? ApiKeyId { get; set; }
}

/// <summary>The size of a point in a series of request analytics.</summary>
public enum RequestAnalyticsBucket
{
    /// <summary>One minute.</summary>
    Minute,

    /// <summary>One hour.</summary>
    Hour,

    /// <summary>One day (UTC).</summary>
    Day,
}
