using BaaS;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace MyApp;

/// <summary>
/// The cache (docs/caching.md): in memory unless <c>ConnectionStrings:Redis</c> names a Redis (e.g.
/// <c>ConnectionStrings__Redis=127.0.0.1:6379</c>), then shared by every node. The readiness checks (the <c>redis</c>
/// check when Redis is configured) answer at <c>/health/ready</c>: 200 <c>Healthy</c> while they pass, 200
/// <c>Degraded</c> while Redis is down (the node still serves).
/// </summary>
public class ConfigureCache : IStartupModule
{
    public void ConfigureServices(WebApplicationBuilder builder)
    {
        #region snippet:cache-register
        builder.Services.AddBaaSRedis(builder.Configuration);
        #endregion
        builder.Services.AddHealthChecks();
    }

    public void Configure(WebApplication app) =>
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
}
