using BaaS.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BaaS;

/// <summary>Registers the rate limits.</summary>
public static class RateLimitServiceCollectionExtensions
{
    /// <summary>
    /// Adds the rate limits (see docs/rate-limits.md): the default policy on every operation, the operations'
    /// <c>[RateLimit]</c>s and the policies of <c>BaaS:RateLimits</c> (<see cref="RateLimitOptions"/>), counted in the
    /// platform's cache (<see cref="ICache"/>: in memory, or on Redis shared by every node), their
    /// <see cref="RateLimitMetrics"/> and <c>plugins.rateLimits</c> in the metadata. <c>AddBaaS</c> calls it: rate limits are
    /// on by default. Calling it again changes nothing.
    /// </summary>
    public static IServiceCollection AddBaaSRateLimits(this IServiceCollection services)
    {
        if (services.FindBaaSFeature<RateLimitFeature>() is not null) return services;
        services.AddBaaSCache();
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RateLimitOptions>, RateLimitOptionsValidator>());
        services.TryAddSingleton(sp => new RateLimitMetrics(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.TryAddSingleton<RateLimitRules>();
        services.TryAddSingleton<RateLimitCounters>();
        return services.AddBaaSFeature(new RateLimitFeature());
    }
}
