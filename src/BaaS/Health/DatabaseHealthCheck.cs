using BaaS.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BaaS.Health;

/// <summary>
/// The app's database answers a query (<c>SELECT 1</c> on a connection from the app's factory). Unhealthy otherwise: a
/// node that cannot reach its database cannot serve, so a load balancer should stop sending it requests.
/// </summary>
internal sealed class DatabaseHealthCheck(IDbConnectionFactory factory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            await using var db = await factory.OpenAsync(cancellationToken).ConfigureAwait(false);
            await db.SqlScalarAsync<long>("SELECT 1", ct: cancellationToken).ConfigureAwait(false);
            var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);
            return HealthCheckResult.Healthy($"{factory.Dialect.Name} answers ({elapsed.TotalMilliseconds:0.#} ms).");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The exception stays in the result for the log and for admins' detail; the public answer is the status only.
            return new HealthCheckResult(context.Registration.FailureStatus, $"{factory.Dialect.Name} does not answer.", e);
        }
    }
}
