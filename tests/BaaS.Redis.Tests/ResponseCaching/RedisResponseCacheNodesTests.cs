using System.Net;
using System.Text.Json;

namespace BaaS.Redis.Tests.ResponseCaching;

/// <summary>
/// Two app instances on one database and one Redis share cached answers and their invalidation; Redis going away costs
/// cache hits, never answers.
/// </summary>
public sealed class RedisResponseCacheNodesTests
{
    private static readonly TimeSpan RecoveryDeadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_write_on_node_A_drops_the_answer_node_B_cached()
    {
        await using var database = await TestDatabase.CreateAsync(TestDatabaseKind.SqliteFile, "baas_respcache_nodes");
        await CakeShop.PrepareAsync(database.CreateFactory());
        var redis = RedisTestService.Instance.ConnectionString;
        var app = $"cakes-nodes-{Guid.NewGuid():N}";
        await using var nodeA = await CakeShop.StartAsync(redis, app, database);
        await using var nodeB = await CakeShop.StartAsync(redis, app, database);
        var a = nodeA.CreateHttp();
        var b = nodeB.CreateHttp();

        var cachedOnB = await b.GetAsync("/api/QueryCakes");
        var servedOnA = await a.GetAsync("/api/QueryCakes");
        Assert.Equal(["HIT"], servedOnA.Headers.GetValues("X-Cache")); // one store: B's answer serves A
        Assert.Equal(0, nodeA.Calls()["QueryCakes"]);
        Assert.Equal(await cachedOnB.Content.ReadAsStringAsync(), await servedOnA.Content.ReadAsStringAsync());

        await nodeA.CreateClient(TestAuthentication.User("ann", "ann")).PostAsync(new CreateCake { Name = "Battenberg", Flavour = "almond", Price = 12 });

        var afterOnB = await b.GetAsync("/api/QueryCakes");
        Assert.Equal(["MISS"], afterOnB.Headers.GetValues("X-Cache"));
        Assert.Contains("Battenberg", await afterOnB.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, nodeB.Calls()["QueryCakes"]);
        Assert.Equal(["HIT"], (await a.GetAsync("/api/QueryCakes")).Headers.GetValues("X-Cache"));
    }

    [Fact]
    public async Task With_Redis_stopped_every_call_is_answered_fresh_without_5xx_and_caching_resumes_when_it_returns()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var app = await CakeShop.StartAsync(redis.ConfigurationString);
        var http = app.CreateHttp();
        var owner = app.CreateClient(TestAuthentication.User("ann", "ann"));
        await http.GetStringAsync("/api/QueryCakes");
        Assert.Equal(["HIT"], (await http.GetAsync("/api/QueryCakes")).Headers.GetValues("X-Cache"));

        await redis.StopAsync();

        for (var i = 0; i < 5; i++)
        {
            var fresh = await http.GetAsync("/api/QueryCakes");
            Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
            Assert.Equal(["MISS"], fresh.Headers.GetValues("X-Cache"));
            Assert.Equal(3, Results(await fresh.Content.ReadAsStringAsync()));
        }
        Assert.Equal(6, app.Calls()["QueryCakes"]);
        var created = await owner.ApiAsync(new CreateCake { Name = "Parkin", Flavour = "ginger", Price = 4 });
        Assert.Equal(200, created.StatusCode);
        Assert.Equal(4, Results(await http.GetStringAsync("/api/QueryCakes")));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/GetStaffBoard")).StatusCode);
        Assert.Contains(app.Logs.Messages, m => m.EventId.Id == 3400); // the invalidation waits for Redis

        await redis.StartAgainAsync();

        await EventuallyAsync(async () => (await http.GetAsync("/api/QueryCakes")).Headers.GetValues("X-Cache").Single() == "HIT", "a cached answer again");
        Assert.Equal(4, Results(await http.GetStringAsync("/api/QueryCakes")));
        Assert.Contains(app.Logs.Messages, m => m.EventId.Id == 3401);
    }

    private static int Results(string body) => JsonDocument.Parse(body).RootElement.GetProperty("results").GetArrayLength();

    // An outcome with a generous deadline (the client reconnects by itself, about once a second), never a timing assertion.
    private static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + RecoveryDeadline;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Gave up waiting for {what} after {RecoveryDeadline.TotalSeconds} s.");
            await Task.Delay(100);
        }
    }
}
