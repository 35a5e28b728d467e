using BaaS.AutoQuery;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BaaS;

/// <summary>Turns AutoQuery on.</summary>
public static class AutoQueryServiceCollectionExtensions
{
    /// <summary>
    /// Implements every <c>QueryDb&lt;T&gt;</c> and CRUD DTO (<c>ICreateDb&lt;T&gt;</c>, ...) that no hand-written service
    /// serves, and gives services <see cref="IAutoQueryDb"/>: <c>builder.Services.AddAutoQuery(o =&gt; o.MaxLimit = 100);</c>
    /// Needs an <c>IDbConnectionFactory</c> in DI.
    /// </summary>
    public static IServiceCollection AddAutoQuery(this IServiceCollection services, Action<AutoQueryOptions>? configure = null)
    {
        var options = services.AddOptions<AutoQueryOptions>();
        if (configure is not null) options.Configure(configure);
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AutoQueryOptions>, AutoQueryOptionsValidator>());
        services.TryAddSingleton<AutoQueryRegistry>();
        services.TryAddSingleton<IAutoQueryDb, AutoQueryDb>();
        services.TryAddSingleton<AutoQuerySource>();
        if (services.FindBaaSFeature<AutoQueryFeature>() is null) services.AddBaaSFeature(new AutoQueryFeature());
        services.AddHostedService<AutoQuerySchema>();
        return services;
    }
}
