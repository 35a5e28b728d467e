using System.Diagnostics;

namespace BaaS;

/// <summary>
/// The names under which the platform publishes traces (<see cref="ActivitySource"/>) and metrics
/// (<see cref="System.Diagnostics.Metrics.Meter"/>). They cost nothing while nobody listens; OpenTelemetry
/// (<c>AddBaaSOpenTelemetry</c> in BaaS.OpenTelemetry), <c>dotnet-trace</c> or <c>dotnet-counters</c> listen by these names.
/// </summary>
public static class BaaSTelemetry
{
    /// <summary>The source of the span of each operation call (and of each request of a batch).</summary>
    public const string OperationsSourceName = "BaaS.Operations";

    /// <summary>The source of the span of each SQL command run through BaaS.Data.</summary>
    public const string DataSourceName = BaaS.Data.DataTelemetry.SourceName;

    /// <summary>The source of the jobs' spans: one when a job is enqueued, one per run (BaaS.Jobs).</summary>
    public const string JobsSourceName = "BaaS.Jobs";

    /// <summary>The meter of operation calls: <c>baas.operation.requests</c>, <c>.duration</c>, <c>.errors</c>.</summary>
    public const string OperationsMeterName = OperationMetrics.MeterName;

    /// <summary>The meter of the cache: <c>baas.cache.hits</c>, <c>.misses</c>, <c>.unavailable</c>.</summary>
    public const string CacheMeterName = CacheMetrics.MeterName;

    /// <summary>The meter of the rate limits: <c>baas.ratelimit.refused</c>, <c>.unavailable</c>.</summary>
    public const string RateLimitsMeterName = RateLimitMetrics.MeterName;

    /// <summary>The meter of server events: <c>baas.serverevents.subscribers</c> and the messages delivered and dropped.</summary>
    public const string ServerEventsMeterName = ServerEvents.ServerEventsMetrics.MeterName;

    /// <summary>The meter of jobs (BaaS.Jobs): enqueued, running, finished by outcome, and run durations.</summary>
    public const string JobsMeterName = "BaaS.Jobs";

    /// <summary>Every source above.</summary>
    public static IReadOnlyList<string> SourceNames { get; } = [OperationsSourceName, DataSourceName, JobsSourceName];

    /// <summary>Every meter above.</summary>
    public static IReadOnlyList<string> MeterNames { get; } =
        [OperationsMeterName, CacheMeterName, RateLimitsMeterName, ServerEventsMeterName, JobsMeterName];

    /// <summary>The source of operation spans.</summary>
    internal static readonly ActivitySource Operations = new(OperationsSourceName, typeof(BaaSTelemetry).Assembly.GetName().Version?.ToString());
}
