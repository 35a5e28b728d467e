using BaaS.Caching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BaaS;

/// <summary>Registers the cache.</summary>
public static class CacheServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="ICache"/> (a singleton) on the in-memory store, unless a store is registered already (BaaS.Redis's
    /// <c>AddBaaSRedis</c> puts Redis in its place, before or after this call), its <see cref="CacheMetrics"/>, the
    /// <c>BaaS:Cache</c> settings (<see cref="CacheOptions"/>) and <c>plugins.cache</c> in the metadata. Calling it again
    /// changes nothing, so every feature that needs the cache calls it.
    /// </summary>
    public static IServiceCollection AddBaaSCache(this IServiceCollection services)
    {
        if (services.FindBaaSFeature<CacheFeature>() is not null) return services;
        services.AddOptions<CacheOptions>().BindConfiguration(CacheOptions.SectionName)
            .Validate(o => o.MaxEntries >= 1, "BaaS:Cache:MaxEntries must be at least 1.")
            .Validate(o => o.FailureLogInterval > TimeSpan.Zero, "BaaS:Cache:FailureLogInterval must be positive (e.g. 00:00:30).")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new CacheMetrics(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.TryAddSingleton<ICacheStore>(sp => new MemoryCacheStore(sp.GetRequiredService<IOptions<CacheOptions>>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<ICache, Cache>();
        return services.AddBaaSFeature(new CacheFeature());
    }
}
