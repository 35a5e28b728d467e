using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace BaaS.Redis;

/// <summary>
/// The health check <c>redis</c> (tagged <c>ready</c>): healthy when Redis answers a PING, else
/// <see cref="HealthOptions.RedisFailureStatus"/> (<c>BaaS:Health:RedisFailureStatus</c>, degraded by default) saying it
/// does not answer. The store's address stays out of the answer.
/// </summary>
internal sealed class RedisHealthCheck(RedisConnection connection, IOptions<HealthOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var db = await connection.GetDatabaseAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
            var latency = await db.PingAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy($"Redis answers ({latency.TotalMilliseconds:0.#} ms).");
        }
        catch (Exception e) when (e is RedisException or TimeoutException or ObjectDisposedException)
        {
            return new HealthCheckResult(options.Value.RedisFailureStatus, "Redis does not answer; the cache answers misses meanwhile.", e);
        }
    }
}
