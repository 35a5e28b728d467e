namespace BaaS;

/// <summary>
/// The platform's cache: typed values under string keys, with a time to live, shared by every node of an app when it
/// runs on Redis (<c>ConnectionStrings:Redis</c>) and kept in the process otherwise. Services get it by injection.
/// </summary>
/// <remarks>
/// <para>Values go through the platform's wire JSON (<see cref="Text.JsonProtocol"/>), so a value written by one node
/// is read by another, and every read is a copy: changing what you read changes nothing in the cache. Read a key with
/// the type it was written with. Keys are prefixed with <see cref="CacheOptions.KeyPrefix"/> (the app's service name
/// and <c>:</c> unless configured), so apps can share one Redis.</para>
/// <para>When the store cannot be reached, the cache costs answers, not errors: <see cref="GetAsync{T}"/>,
/// <see cref="TimeToLiveAsync"/> and <see cref="GetOrCreateAsync{T}"/> answer as for a missing key (the factory's value
/// is returned), <see cref="SetAsync{T}"/>, <see cref="RemoveAsync"/> and <see cref="RemoveByPrefixAsync"/> are dropped;
/// each is logged (at most once per <see cref="CacheOptions.FailureLogInterval"/>) and counted in
/// <see cref="CacheMetrics"/>. <see cref="AddAsync{T}"/>, <see cref="IncrementAsync"/> and <see cref="UpdateAsync{T}"/>, which callers
/// build correctness on (rate limits, attempts, single use, deny lists), throw <see cref="CacheUnavailableException"/> instead, so the
/// caller decides whether to fail open or closed; left uncaught, it answers 503 with <c>Retry-After</c>, never 500.</para>
/// </remarks>
public interface ICache
{
    /// <summary>The value stored under <paramref name="key"/>: a hit (which may hold a stored null) or a miss.</summary>
    /// <remarks>A missing or expired key, an unreachable store and a value that cannot be read as
    /// <typeparamref name="T"/> (logged) are all misses; the unreachable store's says so
    /// (<see cref="CacheResult{T}.StoreUnavailable"/>).</remarks>
    ValueTask<CacheResult<T>> GetAsync<T>(string key, CancellationToken cancellationToken = default);

    /// <summary>Stores <paramref name="value"/> (null included) under <paramref name="key"/>, replacing any value and its time to live.</summary>
    /// <param name="key">The key, without the app's prefix.</param>
    /// <param name="value">The value; written as JSON.</param>
    /// <param name="ttl">How long the value lives; null for no expiry (the in-memory store may still evict it when full).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="ttl"/> is zero or negative.</exception>
    ValueTask SetAsync<T>(string key, T value, TimeSpan? ttl = null, CancellationToken cancellationToken = default);

    /// <summary>Removes <paramref name="key"/>; true when this call removed a live value (false when absent, or when the store is unreachable).</summary>
    ValueTask<bool> RemoveAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Removes every key that starts with <paramref name="prefix"/> (after the app's prefix); returns how many it removed (0 when the store is unreachable).</summary>
    /// <remarks>On Redis this walks the keys with <c>SCAN</c>: its cost grows with the whole key space, so use it for
    /// invalidation, not on every request. Keys written while it runs may or may not be removed.</remarks>
    ValueTask<long> RemoveByPrefixAsync(string prefix, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores <paramref name="value"/> under <paramref name="key"/> only if no live value is there (set-if-absent, atomic
    /// across nodes): true when this call stored it. Of any number of concurrent calls for an absent key, exactly one wins.
    /// </summary>
    /// <exception cref="CacheUnavailableException">The store cannot be reached: the caller decides (fail open or closed).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="ttl"/> is zero or negative.</exception>
    ValueTask<bool> AddAsync<T>(string key, T value, TimeSpan ttl, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds <paramref name="by"/> to the counter under <paramref name="key"/>, atomically across nodes, and returns its new
    /// value. A counter that does not exist starts at 0 and expires <paramref name="ttl"/> after this call created it; later
    /// increments keep that expiry (a fixed window). A counter reads back with <c>GetAsync&lt;long&gt;</c>.
    /// </summary>
    /// <exception cref="CacheUnavailableException">The store cannot be reached: the caller decides (fail open or closed).</exception>
    /// <exception cref="InvalidOperationException">The key holds a value that is not an integer, or the result would overflow.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="ttl"/> is zero or negative.</exception>
    ValueTask<long> IncrementAsync(string key, long by, TimeSpan ttl, CancellationToken cancellationToken = default);

    /// <summary>
    /// <see cref="IncrementAsync"/> that also tells how long the counter still lives, in the same atomic step (one round
    /// trip on Redis): what a fixed-window limit needs to say when its window ends.
    /// </summary>
    /// <exception cref="CacheUnavailableException">The store cannot be reached: the caller decides (fail open or closed).</exception>
    /// <exception cref="InvalidOperationException">The key holds a value that is not an integer, or the result would overflow.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="window"/> is zero or negative.</exception>
    ValueTask<CacheCounter> CountAsync(string key, long by, TimeSpan window, CancellationToken cancellationToken = default);

    /// <summary>
    /// How long <paramref name="key"/> still lives: null when it is absent (or the store is unreachable),
    /// <see cref="Timeout.InfiniteTimeSpan"/> when it has no expiry.
    /// </summary>
    ValueTask<TimeSpan?> TimeToLiveAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// The value under <paramref name="key"/>, or, on a miss, the value <paramref name="factory"/> computes, stored with
    /// <paramref name="ttl"/> and returned. On one node, concurrent misses of a key share one factory call; its exception
    /// reaches all of them and nothing is stored. When the store is unreachable the factory's value is returned (not stored).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="ttl"/> is zero or negative.</exception>
    ValueTask<T> GetOrCreateAsync<T>(string key, Func<CancellationToken, ValueTask<T>> factory, TimeSpan? ttl,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Changes the value under <paramref name="key"/> atomically across nodes: <paramref name="update"/> gets the value
    /// there now (a miss when absent, expired or unreadable as <typeparamref name="T"/>) and returns the new one, which is
    /// stored with <paramref name="ttl"/> (replacing the time to live) only if nobody changed the key in between;
    /// otherwise it reads again and <paramref name="update"/> runs again on what the other writer stored (optimistic
    /// concurrency). Of any number of concurrent updates none is lost, so <paramref name="update"/> must compute from its
    /// argument alone and may run more than once. Answers the value stored.
    /// </summary>
    /// <exception cref="CacheUnavailableException">The store cannot be reached: nothing was stored, the caller decides.</exception>
    /// <exception cref="InvalidOperationException">Other writers changed the key between every read and write, 64 times in a row.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="ttl"/> is zero or negative.</exception>
    ValueTask<T> UpdateAsync<T>(string key, Func<CacheResult<T>, T> update, TimeSpan ttl, CancellationToken cancellationToken = default);
}
