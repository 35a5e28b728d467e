using BaaS.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BaaS.ServerEvents;

/// <summary>
/// Chooses the bus from <see cref="ServerEventsOptions.Bus"/> and what the app has: <c>auto</c> takes Redis when
/// BaaS.Redis registered it (<c>ConnectionStrings:Redis</c> set), else the database's notifications when the app's
/// database has them (PostgreSQL), else the in-process bus.
/// </summary>
internal static class ServerEventsBuses
{
    /// <summary>The key under which BaaS.Redis registers its bus (its <c>RedisServiceCollectionExtensions.ServerEventsBusKey</c>).</summary>
    public const string RedisKey = "redis";

    public static IServerEventsBus Create(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<ServerEventsOptions>>().Value;
        var clock = services.GetRequiredService<TimeProvider>();
        var redis = services.GetKeyedService<IServerEventsBus>(RedisKey);
        var database = services.GetService<IDbConnectionFactory>() is { Dialect.SupportsNotifications: true } factory ? factory : null;
        IServerEventsBus Database(IDbConnectionFactory factory) => new DatabaseServerEventsBus(factory,
            services.GetRequiredService<IOptions<BaaSOptions>>().Value.ServiceName, clock, services.GetRequiredService<ILogger<DatabaseServerEventsBus>>());
        return options.Bus.ToLowerInvariant() switch
        {
            "memory" => new MemoryServerEventsBus(clock),
            "redis" => redis ?? throw new ConfigurationException(
                "BaaS:ServerEvents:Bus is redis, but no Redis is configured: set ConnectionStrings:Redis and call builder.Services.AddBaaSRedis(builder.Configuration)."),
            "database" => database is not null ? Database(database) : throw new ConfigurationException(
                "BaaS:ServerEvents:Bus is database, but the app's database has no notifications (PostgreSQL has them, SQLite does not)."),
            _ => redis ?? (database is not null ? Database(database) : new MemoryServerEventsBus(clock)),
        };
    }
}
