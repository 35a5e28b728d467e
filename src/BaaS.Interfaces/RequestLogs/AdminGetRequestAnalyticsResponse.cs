namespace BaaS;

/// <summary>Request analytics over a range; percentiles are estimates from duration buckets (see docs/request-logs.md).</summary>
public class AdminGetRequestAnalyticsResponse : IHasResponseStatus
{
    /// <summary>The range's start as answered (UTC, rounded down to the bucket).</summary>
    public DateTime From { get; set; }

    /// <summary>The range's end as answered (UTC, exclusive, rounded up to the bucket).</summary>
    public DateTime To { get; set; }

    /// <summary>The size of each point of <see cref="Series"/>.</summary>
    public RequestAnalyticsBucket Bucket { get; set; }

    /// <summary>Every call in the range (of the operation, status, user or key asked for).</summary>
    public RequestStats Totals { get; set; } = new();

    /// <summary>One point per bucket of the range, oldest first, buckets without calls included (as zeros).</summary>
    public List<RequestStatsPoint> Series { get; set; } = [];

    /// <summary>The operations with the most calls, most first.</summary>
    public List<RequestStatsGroup> Operations { get; set; } = [];

    /// <summary>The operations with the highest p95 duration, slowest first.</summary>
    public List<RequestStatsGroup> SlowestOperations { get; set; } = [];

    /// <summary>The users with the most calls (key: the user id; label: the user name).</summary>
    public List<RequestStatsGroup> Users { get; set; } = [];

    /// <summary>The API keys with the most calls (key: the key's id; label: its user's name).</summary>
    public List<RequestStatsGroup> ApiKeys { get; set; } = [];

    /// <summary>Every status answered, most frequent first (key: the status code).</summary>
    public List<RequestStatsGroup> Statuses { get; set; } = [];

    /// <inheritdoc />
    public ResponseStatus? ResponseStatus { get; set; }
}

/// <summary>Counts and durations of a set of calls.</summary>
public class RequestStats
{
    /// <summary>Calls.</summary>
    public long Requests { get; set; }

    /// <summary>Calls that answered 400 or above.</summary>
    public long Errors { get; set; }

    /// <summary>Calls that answered 500 or above.</summary>
    public long ServerErrors { get; set; }

    /// <summary>The mean duration in milliseconds (exact); 0 without calls.</summary>
    public double AverageMs { get; set; }

    /// <summary>The median duration in milliseconds (estimated from buckets); 0 without calls.</summary>
    public double P50Ms { get; set; }

    /// <summary>The 95th percentile of durations in milliseconds (estimated from buckets); 0 without calls.</summary>
    public double P95Ms { get; set; }

    /// <summary>The 99th percentile of durations in milliseconds (estimated from buckets); 0 without calls.</summary>
    public double P99Ms { get; set; }
}

/// <summary>The calls of one time bucket.</summary>
public class RequestStatsPoint : RequestStats
{
    /// <summary>The bucket's start (UTC).</summary>
    public DateTime Start { get; set; }
}

/// <summary>The calls of one operation, status, user or API key.</summary>
public class RequestStatsGroup : RequestStats
{
    /// <summary>The operation's name, the status code, the user id or the API key id.</summary>
    public string Key { get; set; } = "";

    /// <summary>A name to show: the user's name for users and API keys; null otherwise.</summary>
    public string? Label { get; set; }
}
