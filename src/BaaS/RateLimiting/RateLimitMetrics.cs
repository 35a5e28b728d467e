using System.Diagnostics.Metrics;

namespace BaaS;

/// <summary>
/// What the rate limits count, since the app started: calls refused over a budget, and calls that met unreachable
/// counters (let through by a fail-open policy, refused by a fail-closed one). Also published on the
/// <c>BaaS.RateLimits</c> meter (<c>baas.ratelimit.refused</c>, <c>baas.ratelimit.unavailable</c>, tagged with the policy,
/// the latter also with <c>failure_mode</c>) for OpenTelemetry or <c>dotnet-counters</c>.
/// </summary>
public sealed class RateLimitMetrics : IDisposable
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "BaaS.RateLimits";

    private readonly Meter _meter;
    private readonly Counter<long> _refused;
    private readonly Counter<long> _unavailable;
    private long _refusedCount;
    private long _failedOpenCount;
    private long _failedClosedCount;

    /// <summary>Creates the counters on a meter from <paramref name="meterFactory"/> (a private meter without one).</summary>
    public RateLimitMetrics(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _refused = _meter.CreateCounter<long>("baas.ratelimit.refused", description: "Calls refused with 429 over a rate-limit budget");
        _unavailable = _meter.CreateCounter<long>("baas.ratelimit.unavailable", description: "Calls whose rate-limit counters could not be reached");
    }

    /// <summary>Calls refused with 429.</summary>
    public long Refused => Interlocked.Read(ref _refusedCount);

    /// <summary>Calls let through uncounted because a fail-open policy's counters could not be reached.</summary>
    public long FailedOpen => Interlocked.Read(ref _failedOpenCount);

    /// <summary>Calls refused with 503 because a fail-closed policy's counters could not be reached.</summary>
    public long FailedClosed => Interlocked.Read(ref _failedClosedCount);

    internal void Refuse(string policy)
    {
        Interlocked.Increment(ref _refusedCount);
        _refused.Add(1, new KeyValuePair<string, object?>("policy", policy));
    }

    internal void Unavailable(string policy, RateLimitFailureMode mode)
    {
        Interlocked.Increment(ref mode == RateLimitFailureMode.Open ? ref _failedOpenCount : ref _failedClosedCount);
        _unavailable.Add(1, new KeyValuePair<string, object?>("policy", policy),
            new KeyValuePair<string, object?>("failure_mode", mode == RateLimitFailureMode.Open ? "open" : "closed"));
    }

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();
}
