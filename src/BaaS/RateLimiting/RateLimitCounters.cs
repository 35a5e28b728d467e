namespace BaaS.RateLimiting;

/// <summary>
/// Counts calls in the platform's cache (<see cref="ICache.IncrementAsync"/>): one counter per policy and partition,
/// created by a partition's first call with the policy's window as its time to live, so the window is fixed from that
/// call and every node of the app (on Redis) adds to the same counter.
/// </summary>
/// <remarks>Key: <c>ratelimit:{policy}:{partition}</c>, e.g. <c>ratelimit:default:user:0192f1c4-...</c>, after the cache's prefix.</remarks>
internal sealed class RateLimitCounters(ICache cache)
{
    /// <summary>Counts one call of <paramref name="partition"/> under <paramref name="policy"/>.</summary>
    /// <exception cref="CacheUnavailableException">The counters cannot be reached.</exception>
    public async ValueTask<RateLimitCount> CountAsync(RateLimitPolicy policy, string partition, CancellationToken cancellationToken)
    {
        var key = "ratelimit:" + policy.Name + ":" + partition;
        // Both commands go out before either answer is awaited: on Redis they share one round trip, in this order.
        var counting = cache.IncrementAsync(key, 1, policy.Window, cancellationToken);
        var remaining = cache.TimeToLiveAsync(key, cancellationToken);
        long count;
        var reset = policy.Window;
        try
        {
            count = await counting.ConfigureAwait(false);
        }
        finally
        {
            // Always observed, also when the count failed (then it answers null: the store is away).
            var ttl = await remaining.ConfigureAwait(false);
            if (ttl is { } t && t > TimeSpan.Zero && t <= policy.Window) reset = t;
        }
        return new RateLimitCount(policy, count, reset);
    }
}

/// <summary>Where a partition stands under a policy after a call.</summary>
/// <param name="Policy">The policy.</param>
/// <param name="Count">Calls in the current window, this one included.</param>
/// <param name="Reset">How long until the window ends and the budget is whole again.</param>
internal readonly record struct RateLimitCount(RateLimitPolicy Policy, long Count, TimeSpan Reset)
{
    /// <summary>Whether this call is within the budget.</summary>
    public bool Allowed => Count <= Policy.PermitLimit;

    /// <summary>Calls left in the window.</summary>
    public long Remaining => Math.Max(0, Policy.PermitLimit - Count);

    /// <summary><see cref="Reset"/> in whole seconds, rounded up, at least 1 (the headers' unit).</summary>
    public long ResetSeconds => Math.Max(1, (long)Math.Ceiling(Reset.TotalSeconds));
}
