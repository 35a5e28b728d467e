using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BaaS.ResponseCaching;

/// <summary>
/// Response caching as a feature: the cache filter on every GET operation with <see cref="CacheResponseAttribute"/>, the
/// invalidation filter on every AutoQuery write, and <c>plugins.responseCache</c> in the metadata (each cached
/// operation's policy).
/// </summary>
internal sealed class ResponseCacheFeature : BaaSFeature
{
    public override string Id => "responseCache";

    public override IEnumerable<IOperationFilter> CreateFilters(IServiceProvider services)
    {
        var versions = services.GetRequiredService<ResponseCache>();
        return
        [
            new ResponseCacheFilter(versions, services.GetRequiredService<ICache>(), services.GetRequiredService<IOptions<ResponseCacheOptions>>()),
            new ResponseCacheInvalidationFilter(versions, () => services.GetRequiredService<BaaS.Hosting.BaaSHost>().Catalog),
        ];
    }

    public override object? Describe(IServiceProvider services, OperationCatalog catalog)
    {
        var options = services.GetRequiredService<IOptions<ResponseCacheOptions>>().Value;
        var operations = catalog.Operations.Select(ResponseCachePolicy.Of).OfType<ResponseCachePolicy>()
            .OrderBy(p => p.Operation, StringComparer.Ordinal)
            .ToDictionary(p => p.Operation, p => new ResponseCachePolicyInfo((int)p.Duration.TotalSeconds, p.MaxAge, p.CacheControl, p.VaryByUser,
                p.VaryByRoles, p.VaryByQuery, [.. p.Models.Select(m => m.Name)]));
        return new ResponseCacheFeatureInfo(services.GetRequiredService<ICacheStore>().Name, options.MaxBodySize, ResponseCacheFilter.StatusHeader, operations);
    }
}

/// <summary>What <c>plugins.responseCache</c> says.</summary>
/// <param name="Store">Where answers are kept: <c>memory</c> or <c>redis</c>.</param>
/// <param name="MaxBodySize">The largest body cached, in bytes.</param>
/// <param name="StatusHeader">The response header saying <c>HIT</c> or <c>MISS</c>.</param>
/// <param name="Operations">Each cached operation's policy, by operation name.</param>
internal sealed record ResponseCacheFeatureInfo(string Store, int MaxBodySize, string StatusHeader, IReadOnlyDictionary<string, ResponseCachePolicyInfo> Operations);

/// <summary>One operation's cache policy in the metadata.</summary>
/// <param name="Duration">Seconds an answer stays cached.</param>
/// <param name="MaxAge">The <c>max-age</c> clients get.</param>
/// <param name="CacheControl">The <c>Cache-Control</c> header of its answers.</param>
/// <param name="VaryByUser">One answer per caller.</param>
/// <param name="VaryByRoles">One answer per combination of these roles, or null.</param>
/// <param name="VaryByQuery">One answer per request values.</param>
/// <param name="Models">The data models whose writes drop its answers.</param>
internal sealed record ResponseCachePolicyInfo(int Duration, int MaxAge, string CacheControl, bool VaryByUser, IReadOnlyList<string>? VaryByRoles,
    bool VaryByQuery, IReadOnlyList<string> Models);
