namespace BaaS;

/// <summary>
/// A fail-closed rate-limit policy could not count the call because its counters (Redis) cannot be reached: 503
/// <c>RateLimitUnavailable</c> with <c>Retry-After</c>, naming the policy in <c>meta.policy</c>. Not 429: the caller is
/// not over any budget, the service cannot tell for now. It says itself when to try again (<see cref="IHasRetryAfter"/>),
/// so the refused socket to Redis inside it is never taken for a database outage.
/// </summary>
public sealed class RateLimitUnavailableException : HttpError, IHasRetryAfter
{
    /// <summary>Creates the error for <paramref name="policy"/>.</summary>
    public RateLimitUnavailableException(string policy, Exception? innerException = null)
        : base(503, "RateLimitUnavailable", $"The service cannot check the rate limit '{policy}' for now. Try again in a few seconds.", innerException) =>
        Policy = policy;

    /// <summary>The <c>Retry-After</c> sent with it: 5 seconds, as for the cache's own 503.</summary>
    public static TimeSpan DefaultRetryAfter => CacheUnavailableException.DefaultRetryAfter;

    /// <inheritdoc />
    public TimeSpan? RetryAfter => DefaultRetryAfter;

    /// <summary>The policy's name.</summary>
    public string Policy { get; }

    /// <inheritdoc />
    public override ResponseStatus ToResponseStatus()
    {
        var status = base.ToResponseStatus();
        status.Meta = new Dictionary<string, string> { ["policy"] = Policy };
        return status;
    }
}
