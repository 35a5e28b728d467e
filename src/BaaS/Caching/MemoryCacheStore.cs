using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;

namespace BaaS.Caching;

/// <summary>
/// The embedded default store: entries in this process, a real time to live on the app's <see cref="TimeProvider"/>,
/// at most <see cref="CacheOptions.MaxEntries"/> of them (a new key beyond that removes the expired entries, then the
/// entries written longest ago). One lock makes every operation atomic; values are never changed in place.
/// </summary>
internal sealed partial class MemoryCacheStore : ICacheStore
{
    private const long Never = long.MaxValue;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<string> _byWrite = new(); // oldest write first
    private readonly PriorityQueue<(string Key, long Version), long> _byExpiry = new(); // may hold stale versions
    private readonly TimeProvider _time;
    private readonly int _maxEntries;
    private long _version;

    public MemoryCacheStore(IOptions<CacheOptions> options, TimeProvider time)
    {
        _time = time;
        _maxEntries = options.Value.MaxEntries;
    }

    public string Name => "memory";

    /// <summary>How many entries the store holds now, expired ones not yet removed included.</summary>
    public int Count
    {
        get
        {
            lock (_gate) return _entries.Count;
        }
    }

    public IReadOnlyDictionary<string, object?> Describe() => new Dictionary<string, object?> { ["maxEntries"] = _maxEntries };

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        lock (_gate) return new(Live(key, Now())?.Value);
    }

    public ValueTask SetAsync(string key, byte[] value, TimeSpan? ttl, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var now = Now();
            Write(key, value, ttl is { } t ? now + t.Ticks : Never, now);
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> AddAsync(string key, byte[] value, TimeSpan ttl, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var now = Now();
            if (Live(key, now) is not null) return new(false);
            Write(key, value, now + ttl.Ticks, now);
            return new(true);
        }
    }

    public ValueTask<bool> RemoveAsync(string key, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (Live(key, Now()) is not { } entry) return new(false);
            Delete(key, entry);
            return new(true);
        }
    }

    public ValueTask<long> RemoveByPrefixAsync(string prefix, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var now = Now();
            long removed = 0;
            foreach (var (key, entry) in _entries.Where(e => e.Key.StartsWith(prefix, StringComparison.Ordinal)).ToList())
            {
                if (entry.ExpiresAt > now) removed++;
                Delete(key, entry);
            }
            return new(removed);
        }
    }

    public ValueTask<CacheCounter> IncrementAsync(string key, long by, TimeSpan ttl, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var now = Now();
            long current = 0;
            var expiresAt = now + ttl.Ticks;
            if (Live(key, now) is { } entry)
            {
                if (!Utf8Parser.TryParse(entry.Value, out current, out var used) || used != entry.Value.Length)
                    throw new InvalidOperationException($"The cache key '{key}' holds a value that is not an integer: it cannot be incremented.");
                expiresAt = entry.ExpiresAt; // a fixed window: the expiry set when the counter was created
            }
            long next;
            try
            {
                next = checked(current + by);
            }
            catch (OverflowException e)
            {
                throw new InvalidOperationException($"Incrementing the cache key '{key}' by {by} would overflow.", e);
            }
            Write(key, Encoding.UTF8.GetBytes(next.ToString(CultureInfo.InvariantCulture)), expiresAt, now);
            return new(new CacheCounter(next, TimeSpan.FromTicks(expiresAt - now)));
        }
    }

    public ValueTask<TimeSpan?> TimeToLiveAsync(string key, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var now = Now();
            if (Live(key, now) is not { } entry) return new((TimeSpan?)null);
            return new(entry.ExpiresAt == Never ? Timeout.InfiniteTimeSpan : TimeSpan.FromTicks(entry.ExpiresAt - now));
        }
    }

    private long Now() => _time.GetUtcNow().UtcTicks;

    // Under the lock: the entry if it is live; an expired one is removed on the way.
    private Entry? Live(string key, long now)
    {
        if (!_entries.TryGetValue(key, out var entry)) return null;
        if (entry.ExpiresAt > now) return entry;
        Delete(key, entry);
        return null;
    }

    // Under the lock: stores the value as the newest write, making room for a new key first.
    private void Write(string key, byte[] value, long expiresAt, long now)
    {
        RemoveExpired(now);
        if (_entries.TryGetValue(key, out var entry))
        {
            _byWrite.Remove(entry.Node);
            _byWrite.AddLast(entry.Node);
        }
        else
        {
            while (_entries.Count >= _maxEntries && _byWrite.First is { } oldest) Delete(oldest.Value, _entries[oldest.Value]);
            entry = new Entry(_byWrite.AddLast(key));
            _entries.Add(key, entry);
        }
        entry.Value = value;
        if (entry.ExpiresAt != expiresAt || entry.Version == 0)
        {
            entry.ExpiresAt = expiresAt;
            entry.Version = ++_version;
            if (expiresAt != Never) _byExpiry.Enqueue((key, entry.Version), expiresAt);
        }
    }

    // Under the lock: removes every entry whose time has come (the queue's head first, so this costs what it removes).
    private void RemoveExpired(long now)
    {
        while (_byExpiry.TryPeek(out var item, out var due) && due <= now)
        {
            _byExpiry.Dequeue();
            if (_entries.TryGetValue(item.Key, out var entry) && entry.Version == item.Version) Delete(item.Key, entry);
        }
        // Rewritten expiries leave stale items behind: rebuild the queue when they outnumber the live ones.
        if (_byExpiry.Count > 2 * _entries.Count + 1024)
        {
            _byExpiry.Clear();
            foreach (var (key, entry) in _entries)
                if (entry.ExpiresAt != Never) _byExpiry.Enqueue((key, entry.Version), entry.ExpiresAt);
        }
    }

    private void Delete(string key, Entry entry)
    {
        _entries.Remove(key);
        _byWrite.Remove(entry.Node);
    }

    private sealed class Entry(LinkedListNode<string> node)
    {
        public LinkedListNode<string> Node { get; } = node;
        public byte[] Value { get; set; } = [];
        public long ExpiresAt { get; set; } = Never;
        public long Version { get; set; }
    }
}
