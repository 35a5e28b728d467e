using Microsoft.Extensions.DependencyInjection;

namespace BaaS.Caching;

/// <summary>Shows the cache in the metadata: <c>plugins.cache = { store: "memory" | "redis", ... }</c>.</summary>
internal sealed class CacheFeature : BaaSFeature
{
    public override string Id => "cache";

    public override object? Describe(IServiceProvider services, OperationCatalog catalog)
    {
        var store = services.GetRequiredService<ICacheStore>();
        var description = new Dictionary<string, object?> { ["store"] = store.Name };
        foreach (var (name, value) in store.Describe()) description[name] = value;
        return description;
    }
}
