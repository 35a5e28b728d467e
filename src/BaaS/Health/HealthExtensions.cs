using BaaS.Health;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace BaaS;

/// <summary>Health checks for load balancers and operators (docs/health.md).</summary>
public static class HealthExtensions
{
    /// <summary>The tag of the checks <c>/health/ready</c> runs.</summary>
    public const string ReadyTag = "ready";

    /// <summary>
    /// Registers the platform's readiness checks: <c>database</c> (the app's database answers; unhealthy when not) and
    /// <c>disk</c> (free space for SQLite and App_Data). Redis (BaaS.Redis, degraded when down) and jobs (BaaS.Jobs)
    /// add theirs when registered. Settings from <c>BaaS:Health</c>. Call once; the checks run only when asked.
    /// </summary>
    public static IServiceCollection AddBaaSHealthChecks(this IServiceCollection services, Action<HealthOptions>? configure = null)
    {
        services.AddOptions<HealthOptions>().BindConfiguration("BaaS:Health");
        if (configure is not null) services.Configure(configure);
        if (services.Any(d => d.ServiceType == typeof(DatabaseHealthCheck))) return services;
        services.TryAddSingleton<DatabaseHealthCheck>();
        services.TryAddSingleton<DiskSpaceHealthCheck>();
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag])
            .AddCheck<DiskSpaceHealthCheck>("disk", tags: [ReadyTag]);
        // The database check's time limit comes from BaaS:Health, which may be configured after this call.
        services.AddSingleton<IPostConfigureOptions<HealthCheckServiceOptions>, DatabaseTimeout>();
        return services;
    }

    /// <summary>
    /// Maps <c>/health/live</c> (no checks: 200 <c>Healthy</c> while the process serves) and <c>/health/ready</c> (the
    /// <c>ready</c> checks: 200 <c>Healthy</c> or <c>Degraded</c>, 503 <c>Unhealthy</c>); plain text for everyone, JSON
    /// detail for a signed-in admin; never cached. Paths from <see cref="HealthOptions"/>.
    /// </summary>
    public static IEndpointRouteBuilder MapBaaSHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<HealthOptions>>().Value;
        endpoints.MapHealthChecks(options.LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponse.WriteAsync })
            .WithDisplayName("BaaS health: live");
        endpoints.MapHealthChecks(options.ReadyPath, new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = HealthResponse.WriteAsync })
            .WithDisplayName("BaaS health: ready");
        return endpoints;
    }

    private sealed class DatabaseTimeout(IOptions<HealthOptions> health) : IPostConfigureOptions<HealthCheckServiceOptions>
    {
        public void PostConfigure(string? name, HealthCheckServiceOptions options)
        {
            foreach (var registration in options.Registrations.Where(r => r.Name == "database"))
                registration.Timeout = health.Value.DatabaseTimeout;
        }
    }
}
