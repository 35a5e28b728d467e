namespace BaaS;

/// <summary>
/// Where <see cref="ICache"/> keeps its values: bytes under full keys (already prefixed). The in-memory store is the
/// embedded default; BaaS.Redis adds one on Redis. A store is exact and strict: every operation is atomic on its own,
/// and one that cannot reach its server throws <see cref="CacheUnavailableException"/> (the cache decides what that
/// costs). Time to live is always positive.
/// </summary>
public interface ICacheStore
{
    /// <summary>The store's name in the metadata (<c>plugins.cache.store</c>): <c>memory</c>, <c>redis</c>.</summary>
    string Name { get; }

    /// <summary>The live value under <paramref name="key"/>, or null when absent or expired.</summary>
    ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>Stores <paramref name="value"/>, replacing any value and expiry; <paramref name="ttl"/> null for none.</summary>
    ValueTask SetAsync(string key, byte[] value, TimeSpan? ttl, CancellationToken cancellationToken);

    /// <summary>Stores <paramref name="value"/> only when no live value is there; true when it did.</summary>
    ValueTask<bool> AddAsync(string key, byte[] value, TimeSpan ttl, CancellationToken cancellationToken);

    /// <summary>Removes <paramref name="key"/>; true when a live value was removed.</summary>
    ValueTask<bool> RemoveAsync(string key, CancellationToken cancellationToken);

    /// <summary>Removes every key starting with <paramref name="prefix"/> (compared ordinally); returns how many.</summary>
    ValueTask<long> RemoveByPrefixAsync(string prefix, CancellationToken cancellationToken);

    /// <summary>
    /// Adds <paramref name="by"/> to the integer under <paramref name="key"/> and returns the result with the key's
    /// remaining life, read in the same atomic step; a missing key starts at 0 and expires <paramref name="ttl"/> later, an
    /// existing one keeps its expiry. Throws <see cref="InvalidOperationException"/> when the value is not an integer or
    /// the result would overflow.
    /// </summary>
    ValueTask<CacheCounter> IncrementAsync(string key, long by, TimeSpan ttl, CancellationToken cancellationToken);

    /// <summary>The remaining life of <paramref name="key"/>: null when absent, <see cref="Timeout.InfiniteTimeSpan"/> without expiry.</summary>
    ValueTask<TimeSpan?> TimeToLiveAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// Stores <paramref name="value"/> with <paramref name="ttl"/> only when the live value under <paramref name="key"/> is
    /// exactly <paramref name="expected"/> (null: only when there is none), in one atomic step; true when it did.
    /// </summary>
    ValueTask<bool> CompareAndSetAsync(string key, byte[]? expected, byte[] value, TimeSpan ttl, CancellationToken cancellationToken);

    /// <summary>What the metadata's <c>plugins.cache</c> says of the store beside its name (null for nothing); no secrets.</summary>
    IReadOnlyDictionary<string, object?> Describe();
}
