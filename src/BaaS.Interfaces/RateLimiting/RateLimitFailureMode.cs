namespace BaaS;

/// <summary>What a rate-limit policy does when its counters cannot be reached (Redis away).</summary>
public enum RateLimitFailureMode
{
    /// <summary>Let the call through uncounted: the service stays up, unlimited by this policy, until the counters return.</summary>
    Open,

    /// <summary>Refuse the call with 503 <c>RateLimitUnavailable</c> and <c>Retry-After</c>: for operations where an unlimited
    /// caller costs more than a refused one (sign-in, password reset).</summary>
    Closed,
}
