using System.Reflection;
using BaaS.Hosting;
using BaaS.Services;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
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
        services.TryAddSingleton<BaaSHost>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOperationSource, ServiceDiscoverySource>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRequestFilter, Auth.AuthorizationFilter>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRequestFilter, Validation.ValidationFilter>());
        return services;
    }

    /// <summary>Adds BaaS serving the services found in <paramref name="serviceAssemblies"/>, with default options.</summary>
    public static IServiceCollection AddBaaS(this IServiceCollection services, params Assembly[] serviceAssemblies) =>
        services.AddBaaS(null, serviceAssemblies);

    /// <summary>Resolves the assemblies from the options when the catalog is built.</summary>
    private sealed class ServiceDiscoverySource(IOptions<BaaSOptions> options) : IOperationSource
    {
        public IEnumerable<OperationRegistration> GetOperations(IServiceProvider services, IReadOnlyDictionary<Type, IReadOnlySet<string>> handled) =>
            new ServiceDiscovery(options.Value.ServiceAssemblies, options.Value.ServiceTypes).GetOperations(services, handled);
    }
}
