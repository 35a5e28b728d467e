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
        builder.Services.AddResponseCache();
        #endregion
    }
}
