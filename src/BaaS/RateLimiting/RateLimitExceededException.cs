using System.Globalization;

namespace BaaS;

/// <summary>
/// A call over a rate-limit policy's budget: 429 <c>TooManyRequests</c>, whose ResponseStatus names the policy
/// (<c>meta.policy</c>, with <c>meta.limit</c>, <c>meta.windowSeconds</c> and <c>meta.retryAfterSeconds</c>). The
/// <c>Retry-After</c> and <c>RateLimit-*</c> headers go with it.
/// </summary>
public sealed class RateLimitExceededException : HttpError
{
    /// <summary>Creates the error for <paramref name="policy"/>'s budget of <paramref name="limit"/> calls per <paramref name="window"/>.</summary>
    public RateLimitExceededException(string policy, int limit, TimeSpan window, long retryAfterSeconds)
        : base(429, "TooManyRequests", $"Too many requests: the rate limit '{policy}' allows {limit} per {Describe(window)}. Try again in {retryAfterSeconds} s.")
    {
        Policy = policy;
        Limit = limit;
        Window = window;
        RetryAfterSeconds = retryAfterSeconds;
    }

    /// <summary>The policy's name.</summary>
    public string Policy { get; }

    /// <summary>Calls allowed per window.</summary>
    public int Limit { get; }

    /// <summary>The policy's window.</summary>
    public TimeSpan Window { get; }

    /// <summary>When the budget is whole again, in seconds.</summary>
    public long RetryAfterSeconds { get; }

    /// <inheritdoc />
    public override ResponseStatus ToResponseStatus()
    {
        var status = base.ToResponseStatus();
        status.Meta = new Dictionary<string, string>
        {
            ["policy"] = Policy,
            ["limit"] = Limit.ToString(CultureInfo.InvariantCulture),
            ["windowSeconds"] = ((long)Window.TotalSeconds).ToString(CultureInfo.InvariantCulture),
            ["retryAfterSeconds"] = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture),
        };
        return status;
    }

    internal static string Describe(TimeSpan window) =>
        window == TimeSpan.FromSeconds(1) ? "second" : window == TimeSpan.FromMinutes(1) ? "minute" : window == TimeSpan.FromHours(1) ? "hour"
        : window == TimeSpan.FromDays(1) ? "day" : window.ToString("c", CultureInfo.InvariantCulture);
}
