using BaaS.ResponseCaching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BaaS;

/// <summary>Registers response caching.</summary>
public static class ResponseCacheServiceCollectionExtensions
{
    /// <summary>
    /// Caches the answers of GET operations marked <see cref="CacheResponseAttribute"/> in the platform's cache
    /// (<see cref="ICache"/>: in memory, or on Redis when <c>AddBaaSRedis</c> found <c>ConnectionStrings:Redis</c>, so
    /// every node shares the answers and their invalidation), drops them after AutoQuery writes to their models, and adds
    /// <see cref="IResponseCache"/> for hand-written writes and <c>plugins.responseCache</c> to the metadata. Settings:
    /// <c>BaaS:ResponseCache</c> (<see cref="ResponseCacheOptions"/>). Calling it again changes nothing. See
    /// docs/response-caching.md.
    /// </summary>
    public static IServiceCollection AddResponseCache(this IServiceCollection services, Action<ResponseCacheOptions>? configure = null)
    {
        if (services.FindBaaSFeature<ResponseCacheFeature>() is not null) return services;
        services.AddBaaSCache();
        var builder = services.AddOptions<ResponseCacheOptions>().BindConfiguration(ResponseCacheOptions.SectionName);
        if (configure is not null) builder.Configure(configure);
        builder.Validate(o => o.MaxBodySize >= 0, "BaaS:ResponseCache:MaxBodySize must be 0 or more (bytes).")
            .Validate(o => o.VersionLifetime > TimeSpan.Zero, "BaaS:ResponseCache:VersionLifetime must be positive (e.g. 1.00:00:00).")
            .ValidateOnStart();
        services.TryAddSingleton<ResponseCache>();
        services.TryAddSingleton<IResponseCache>(sp => sp.GetRequiredService<ResponseCache>());
        return services.AddBaaSFeature(new ResponseCacheFeature());
    }
}
