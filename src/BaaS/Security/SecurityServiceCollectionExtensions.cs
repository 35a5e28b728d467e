using BaaS.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BaaS;

/// <summary>Registers the web-security middleware; <c>AddBaaS</c> calls it.</summary>
internal static class SecurityServiceCollectionExtensions
{
    public static IServiceCollection AddBaaSSecurity(this IServiceCollection services)
    {
        if (services.Any(d => d.ImplementationType == typeof(SecurityStartupFilter))) return services;
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SecurityOptions>, SecurityOptionsValidator>());
        services.AddCors();
        services.AddTransient<IStartupFilter, SecurityStartupFilter>();
        // No "Server: Kestrel": the answer need not name what runs it.
        services.Configure<KestrelServerOptions>(kestrel =>
        {
            kestrel.AddServerHeader = false;
            // Room above BaaSOptions.MaxUrlLength, so an over-long URL gets the platform's JSON 414, not Kestrel's bare one.
            if (kestrel.Limits.MaxRequestLineSize == new KestrelServerLimits().MaxRequestLineSize)
                kestrel.Limits.MaxRequestLineSize = UrlLengthMiddleware.KestrelRequestLine;
        });
        return services;
    }
}
