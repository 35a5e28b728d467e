using BaaS;

namespace MyApp;

/// <summary>
/// The cache (docs/caching.md): in memory unless <c>ConnectionStrings:Redis</c> names a Redis (e.g.
/// <c>ConnectionStrings__Redis=127.0.0.1:6379</c>), then shared by every node. With Redis, its health check joins
/// <c>/health/ready</c> (Configure.Health.cs): <c>Degraded</c> while Redis is down, as the node still serves.
/// </summary>
public class ConfigureCache : IStartupModule
{
    public void ConfigureServices(WebApplicationBuilder builder)
    {
        #region snippet:cache-register
        builder.Services.AddBaaSRedis(builder.Configuration);
        #endregion
    }
}
