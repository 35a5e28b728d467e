using System.Reflection;
using BaaS.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace BaaS;

/// <summary>Registers the framework in ASP.NET Core DI.</summary>
public static class BaaSServiceCollectionExtensions
{
    /// <summary>
    /// Adds BaaS, serving the services found in <paramref name="serviceAssemblies"/>:
    /// <c>builder.Services.AddBaaS(o => o.ServiceName = "MyApp", typeof(MyServices).Assembly);</c>
    /// Then call <c>app.UseBaaS()</c>.
    /// </summary>
    public static IServiceCollection AddBaaS(this IServiceCollection services, Action<BaaSOptions>? configure, params Assembly[] serviceAssemblies)
    {
        var optionsBuilder = services.AddOptions<BaaSOptions>();
        optionsBuilder.Configure(o => o.ServiceAssemblies.AddRange(serviceAssemblies.Except(o.ServiceAssemblies)));
        if (configure is not null) optionsBuilder.Configure(configure);
        // Code wins; the PublicUrl setting (appsettings, environment) fills what code left unset.
        optionsBuilder.Configure<IConfiguration>((o, configuration) => o.PublicUrl ??= configuration["PublicUrl"]);
        optionsBuilder.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BaaSOptions>, BaaSOptionsValidator>());
        services.TryAddSingleton<BaaSHost>();
        services.AddBaaSSecurity(); // security headers, CORS, the cross-site check, HTTPS, forwarded headers
        services.AddBaaSRateLimits(); // on by default: every operation counts against the default policy
        // The core's own filters: any authentication scheme's roles, declarative validation, transactional batches.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOperationFilter, Auth.AuthorizationFilter>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOperationFilter, Validation.ValidationFilter>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOperationFilter, BatchTransactionFilter>());
        // Spans and metrics of every call: free while nobody listens (see docs/opentelemetry.md).
        services.TryAddSingleton(sp => new OperationMetrics(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOperationFilter, OperationTracingFilter>());
        return services;
    }

    /// <summary>Adds BaaS serving the services found in <paramref name="serviceAssemblies"/>, with default options.</summary>
    public static IServiceCollection AddBaaS(this IServiceCollection services, params Assembly[] serviceAssemblies) =>
        services.AddBaaS(null, serviceAssemblies);
}
