using BaaS.Data;
using BaaS.ServerEvents.Tests.AutoQuery;
using Microsoft.Extensions.DependencyInjection;

namespace BaaS.ServerEvents.Tests.Nodes;

/// <summary>Which bus the nodes of a cluster share.</summary>
public enum ClusterBus { PostgreSql, Redis }

/// <summary>
/// Several nodes of one app (EventsApp's channels, the [PublishEvent] DTOs) on one PostgreSQL database, with the Redis
/// of the test run when the bus is Redis (under a key prefix of its own, so clusters of parallel tests never meet).
/// </summary>
public sealed class EventsCluster : IAsyncDisposable
{
    private readonly TestDatabase _database;

    private EventsCluster(TestDatabase database, List<TestServer> nodes)
    {
        _database = database;
        Nodes = nodes;
    }

    public List<TestServer> Nodes { get; }

    public TestServer this[int index] => Nodes[index];

    public static async Task<EventsCluster> StartAsync(ClusterBus bus, int count = 3, Action<ServerEventsOptions>? events = null, string? redis = null)
    {
        var database = await TestDatabase.CreateAsync(TestDatabaseKind.PostgreSql, "baas_events_nodes");
        await using (var factory = database.CreateFactory())
        await using (var db = await factory.OpenAsync())
            await db.CreateTableAsync<ShopOrder>();
        var prefix = $"events-{Guid.NewGuid():N}:";
        var nodes = new List<TestServer>();
        try
        {
            for (var i = 0; i < count; i++)
            {
                nodes.Add(await EventsApp.StartAsync(events, o =>
                {
                    o.Database = database;
                    o.BaaS += b => b.ServiceName = "EventsCluster";
                    o.ServiceTypes.Add(typeof(NewsServices));
                    o.ConfigureServices += s => s.AddAutoQuery(a => a.Types.AddRange([typeof(CreateShopOrder), typeof(PatchShopOrder)]));
                    if (bus == ClusterBus.Redis)
                    {
                        o.Configuration["ConnectionStrings:Redis"] = redis ?? RedisTestService.Instance.ConnectionString;
                        o.Configuration["BaaS:Cache:KeyPrefix"] = prefix;
                        o.ConfigureBuilder += b => b.Services.AddBaaSRedis(b.Configuration);
                    }
                }));
            }
        }
        catch
        {
            foreach (var node in nodes) await node.DisposeAsync();
            await database.DisposeAsync();
            throw;
        }
        return new EventsCluster(database, nodes);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in Nodes) await node.DisposeAsync();
        await _database.DisposeAsync();
    }
}
