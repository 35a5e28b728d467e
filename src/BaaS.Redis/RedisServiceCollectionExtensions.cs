using BaaS.Redis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BaaS;

/// <summary>Puts the platform's cache (and the server events' bus) on Redis when the configuration names one.</summary>
public static class RedisServiceCollectionExtensions
{
    /// <summary>The connection string's name: <c>ConnectionStrings:Redis</c> (<c>ConnectionStrings__Redis</c> in the environment).</summary>
    public const string ConnectionStringName = "Redis";

    /// <summary>The service key of the server events' bus on Redis (the server events read it under this key).</summary>
    public const string ServerEventsBusKey = "redis";

    /// <summary>
    /// Adds the cache (<see cref="CacheServiceCollectionExtensions.AddBaaSCache"/>) and, only when
    /// <c>ConnectionStrings:Redis</c> is set (a StackExchange.Redis configuration string such as <c>127.0.0.1:6379</c>),
    /// puts it on Redis: one shared <see cref="RedisConnection"/> that connects in the background (the app starts while
    /// Redis is down) and the health check <c>redis</c>, tagged <c>ready</c>, and registers the server events' bus on
    /// Redis pub/sub (see <c>AddServerEvents</c>). Without the setting the in-memory store stays: configuration alone
    /// chooses. Calling it again changes nothing.
    /// </summary>
    /// <exception cref="ConfigurationException">The connection string cannot be parsed.</exception>
    public static IServiceCollection AddBaaSRedis(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddBaaSCache();
        if (services.Any(d => d.ServiceType == typeof(RedisConnection))) return services;
        if (configuration.GetConnectionString(ConnectionStringName) is not { Length: > 0 } connectionString || string.IsNullOrWhiteSpace(connectionString))
            return services;

        var options = RedisConnection.ParseConfiguration(connectionString);
        services.AddSingleton(sp => new RedisConnection(options, sp.GetRequiredService<ILogger<RedisConnection>>()));
        services.AddHostedService<RedisStarter>();
        services.Replace(ServiceDescriptor.Singleton<ICacheStore, RedisCacheStore>());
        // Degraded by default, not unhealthy: without Redis a node still serves (misses, fail-open limits), so it should
        // stay in the load balancer, which keeps nodes whose ready check answers 200 (BaaS:Health:RedisFailureStatus).
        services.AddOptions<HealthOptions>().BindConfiguration("BaaS:Health");
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", HealthStatus.Degraded, tags: ["ready"]);
        // The server events' bus (used when AddServerEvents is on and BaaS:ServerEvents:Bus is auto or redis).
        services.AddKeyedSingleton<IServerEventsBus>(ServerEventsBusKey, (sp, _) => new RedisServerEventsBus(sp.GetRequiredService<RedisConnection>(),
            sp.GetRequiredService<IOptions<CacheOptions>>().Value.KeyPrefix ?? sp.GetRequiredService<IOptions<BaaSOptions>>().Value.ServiceName + ":",
            sp.GetRequiredService<ILogger<RedisServerEventsBus>>()));
        return services;
    }

    /// <summary>Starts connecting when the app starts, without waiting for Redis.</summary>
    private sealed class RedisStarter(RedisConnection connection) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            connection.Start();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
