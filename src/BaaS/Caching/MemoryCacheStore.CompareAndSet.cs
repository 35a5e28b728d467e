namespace BaaS.Caching;

internal sealed partial class MemoryCacheStore
{
    public ValueTask<bool> CompareAndSetAsync(string key, byte[]? expected, byte[] value, TimeSpan ttl, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var now = Now();
            var live = Live(key, now)?.Value;
            // Values are never changed in place, so the array read earlier is usually the very one still stored.
            var same = expected is null ? live is null : live is not null && (ReferenceEquals(live, expected) || live.AsSpan().SequenceEqual(expected));
            if (!same) return new(false);
            Write(key, value, now + ttl.Ticks, now);
            return new(true);
        }
    }
}
