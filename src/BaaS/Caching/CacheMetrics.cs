using System.Diagnostics.Metrics;

namespace BaaS;

/// <summary>
/// What the cache counts, since the app started: hits, misses, and the calls that met an unreachable store. Also
/// published on the <c>BaaS.Cache</c> meter (<c>baas.cache.hits</c>, <c>baas.cache.misses</c>, <c>baas.cache.unavailable</c>,
/// the last tagged with the operation) for OpenTelemetry or <c>dotnet-counters</c>.
/// </summary>
public sealed class CacheMetrics : IDisposable
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "BaaS.Cache";

    private readonly Meter _meter;
    private readonly Counter<long> _hits;
    private readonly Counter<long> _misses;
    private readonly Counter<long> _unavailable;
    private long _hitCount;
    private long _missCount;
    private long _unavailableCount;

    /// <summary>Creates the counters on a meter from <paramref name="meterFactory"/> (a private meter without one).</summary>
    public CacheMetrics(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _hits = _meter.CreateCounter<long>("baas.cache.hits", description: "Cache reads that found a value");
        _misses = _meter.CreateCounter<long>("baas.cache.misses", description: "Cache reads that found nothing (unreachable store included)");
        _unavailable = _meter.CreateCounter<long>("baas.cache.unavailable", description: "Cache calls that met an unreachable store");
    }

    /// <summary>Reads that found a value.</summary>
    public long Hits => Interlocked.Read(ref _hitCount);

    /// <summary>Reads that found nothing, an unreachable store's included.</summary>
    public long Misses => Interlocked.Read(ref _missCount);

    /// <summary>Calls that met an unreachable store (dropped writes, reads answered as misses, exceptions thrown).</summary>
    public long Unavailable => Interlocked.Read(ref _unavailableCount);

    internal void Hit()
    {
        Interlocked.Increment(ref _hitCount);
        _hits.Add(1);
    }

    internal void Miss()
    {
        Interlocked.Increment(ref _missCount);
        _misses.Add(1);
    }

    internal void StoreUnavailable(string operation)
    {
        Interlocked.Increment(ref _unavailableCount);
        _unavailable.Add(1, new KeyValuePair<string, object?>("operation", operation));
    }

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();
}
