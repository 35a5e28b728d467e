namespace BaaS;

/// <summary>The health endpoints' settings, bound from <c>BaaS:Health</c> (docs/health.md).</summary>
public sealed class HealthOptions
{
    /// <summary>Liveness: answers while the process serves requests, runs no check. Default <c>/health/live</c>.</summary>
    public string LivePath { get; set; } = "/health/live";

    /// <summary>Readiness: the checks tagged <c>ready</c> (database, disk, Redis, jobs). Default <c>/health/ready</c>.</summary>
    public string ReadyPath { get; set; } = "/health/ready";

    /// <summary>
    /// Below this much free space (in MB) on the volume of the SQLite database or of <c>App_Data</c> the disk check is
    /// unhealthy; below four times it, degraded. Default 100.
    /// </summary>
    public long MinimumFreeDiskMegabytes { get; set; } = 100;

    /// <summary>
    /// What the <c>redis</c> check answers when Redis does not: <see cref="Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Degraded"/>
    /// (the default: 200, the node still serves, so a load balancer keeps every node sharing that Redis) or
    /// <c>Unhealthy</c> (503: for deployments where a node without Redis should leave the pool).
    /// </summary>
    public Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus RedisFailureStatus { get; set; } =
        Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Degraded;

    /// <summary>How long the database check may take before it counts as failed. Default 5 s.</summary>
    public TimeSpan DatabaseTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
