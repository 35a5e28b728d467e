namespace BaaS.RateLimiting;

/// <summary>
/// Counts calls in the platform's cache (<see cref="ICache.CountAsync"/>): one counter per policy and partition,
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
        // One atomic step (one command on Redis): the count and the time left in the window.
        var counter = await cache.CountAsync(key, 1, policy.Window, cancellationToken).ConfigureAwait(false);
        var reset = counter.TimeToLive > TimeSpan.Zero && counter.TimeToLive <= policy.Window ? counter.TimeToLive : policy.Window;
        return new RateLimitCount(policy, counter.Value, reset);
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
