using BaaS;

namespace MyApp;

/// <summary>
/// Response caching (docs/response-caching.md) on the cache that <see cref="ConfigureCache"/> chose (memory, or Redis
/// shared by every node): MyApp caches its public restaurant, menu and review queries (<c>[CacheResponse]</c> on their
/// DTOs), and the writes that change them drop them on every node.
/// </summary>
public class ConfigureResponseCaching : IStartupModule
{
    public void ConfigureServices(WebApplicationBuilder builder)
    {
        #region snippet:response-cache-register
        builder.Services.AddBaaSRedis(builder.Configuration); // the cache: Redis when ConnectionStrings:Redis is set, else memory
        builder.Services.AddResponseCache();
        #endregion
    }
}
