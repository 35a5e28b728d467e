using System.Collections.Concurrent;
using System.Text.Json;
using BaaS.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BaaS.Caching;

/// <summary>
/// <see cref="ICache"/> over an <see cref="ICacheStore"/>: the app's key prefix, the wire JSON, and what an unreachable
/// store costs (misses and dropped writes, logged and counted; Add and Increment throw).
/// </summary>
internal sealed partial class Cache : ICache
{
    private readonly ICacheStore _store;
    private readonly CacheMetrics _metrics;
    private readonly ILogger _logger;
    private readonly LogGate _unavailableLog;
    private readonly LogGate _unreadableLog;
    private readonly ConcurrentDictionary<string, Task<byte[]>> _flights = new(StringComparer.Ordinal);
    private int _down;

    public Cache(ICacheStore store, CacheMetrics metrics, IOptions<CacheOptions> options, IOptions<BaaSOptions> baas,
        TimeProvider time, ILogger<Cache> logger)
    {
        _store = store;
        _metrics = metrics;
        _logger = logger;
        Prefix = options.Value.KeyPrefix ?? baas.Value.ServiceName + ":";
        _unavailableLog = new LogGate(time, options.Value.FailureLogInterval);
        _unreadableLog = new LogGate(time, options.Value.FailureLogInterval);
    }

    /// <summary>What every key starts with in the store.</summary>
    public string Prefix { get; }

    public async ValueTask<CacheResult<T>> GetAsync<T>(string key, CancellationToken cancellationToken = default)
    {
        var full = Full(key);
        byte[]? bytes;
        try
        {
            bytes = await _store.GetAsync(full, cancellationToken).ConfigureAwait(false);
            Up();
        }
        catch (CacheUnavailableException e)
        {
            Down(nameof(GetAsync), e);
            _metrics.Miss();
            return CacheResult<T>.Unavailable;
        }
        if (bytes is null)
        {
            _metrics.Miss();
            return CacheResult<T>.Miss;
        }
        if (!TryRead(full, bytes, out T? value))
        {
            _metrics.Miss();
            return CacheResult<T>.Miss;
        }
        _metrics.Hit();
        return CacheResult<T>.Hit(value);
    }

    public async ValueTask SetAsync<T>(string key, T value, TimeSpan? ttl = null, CancellationToken cancellationToken = default)
    {
        var full = Full(key);
        if (ttl is { } t) CheckTtl(t);
        await SetBytesAsync(full, Write(value), ttl, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<bool> RemoveAsync(string key, CancellationToken cancellationToken = default)
    {
        var full = Full(key);
        try
        {
            var removed = await _store.RemoveAsync(full, cancellationToken).ConfigureAwait(false);
            Up();
            return removed;
        }
        catch (CacheUnavailableException e)
        {
            Down(nameof(RemoveAsync), e);
            return false;
        }
    }

    public async ValueTask<long> RemoveByPrefixAsync(string prefix, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        try
        {
            var removed = await _store.RemoveByPrefixAsync(Prefix + prefix, cancellationToken).ConfigureAwait(false);
            Up();
            return removed;
        }
        catch (CacheUnavailableException e)
        {
            Down(nameof(RemoveByPrefixAsync), e);
            return 0;
        }
    }

    public async ValueTask<bool> AddAsync<T>(string key, T value, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        var full = Full(key);
        CheckTtl(ttl);
        try
        {
            var added = await _store.AddAsync(full, Write(value), ttl, cancellationToken).ConfigureAwait(false);
            Up();
            return added;
        }
        catch (CacheUnavailableException e)
        {
            Down(nameof(AddAsync), e);
            throw;
        }
    }

    public async ValueTask<long> IncrementAsync(string key, long by, TimeSpan ttl, CancellationToken cancellationToken = default) =>
        (await CountAsync(key, by, ttl, cancellationToken).ConfigureAwait(false)).Value;

    public async ValueTask<CacheCounter> CountAsync(string key, long by, TimeSpan window, CancellationToken cancellationToken = default)
    {
        var full = Full(key);
        CheckTtl(window);
        try
        {
            var counter = await _store.IncrementAsync(full, by, window, cancellationToken).ConfigureAwait(false);
            Up();
            return counter;
        }
        catch (CacheUnavailableException e)
        {
            Down(nameof(IncrementAsync), e);
            throw;
        }
    }

    public async ValueTask<TimeSpan?> TimeToLiveAsync(string key, CancellationToken cancellationToken = default)
    {
        var full = Full(key);
        try
        {
            var ttl = await _store.TimeToLiveAsync(full, cancellationToken).ConfigureAwait(false);
            Up();
            return ttl;
        }
        catch (CacheUnavailableException e)
        {
            Down(nameof(TimeToLiveAsync), e);
            return null;
        }
    }

    private async ValueTask SetBytesAsync(string full, byte[] bytes, TimeSpan? ttl, CancellationToken cancellationToken)
    {
        try
        {
            await _store.SetAsync(full, bytes, ttl, cancellationToken).ConfigureAwait(false);
            Up();
        }
        catch (CacheUnavailableException e)
        {
            Down(nameof(SetAsync), e);
        }
    }

    private string Full(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return Prefix + key;
    }

    private static void CheckTtl(TimeSpan ttl)
    {
        if (ttl <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(ttl), ttl, "A cache entry's time to live must be positive (null, where allowed, for no expiry).");
    }

    private static byte[] Write<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, JsonProtocol.Options);

    private bool TryRead<T>(string full, byte[] bytes, out T? value)
    {
        try
        {
            value = JsonSerializer.Deserialize<T>(bytes, JsonProtocol.Options);
            return true;
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            // Another node's (older or newer) shape, or a counter read as a record: a miss, so GetOrCreate writes it anew.
            if (_unreadableLog.Pass(out var count)) CacheLog.Unreadable(_logger, full, typeof(T).Name, count, e);
            value = default;
            return false;
        }
    }

    private void Down(string operation, CacheUnavailableException exception)
    {
        _metrics.StoreUnavailable(operation);
        Volatile.Write(ref _down, 1);
        if (_unavailableLog.Pass(out var count))
            CacheLog.StoreUnavailable(_logger, _store.Name, operation, count, exception.Message, exception);
    }

    private void Up()
    {
        if (Volatile.Read(ref _down) != 0 && Interlocked.Exchange(ref _down, 0) != 0) CacheLog.StoreRecovered(_logger, _store.Name);
    }
}
