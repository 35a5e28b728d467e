using System.Net;
using Microsoft.Extensions.Logging;

namespace BaaS.ServerEvents.Tests.Nodes;

/// <summary>
/// Redis going away under the bus (a redis-server of the test's own, stopped by its process id): publishing answers
/// 503, an AutoQuery write still succeeds (its event is logged as lost), subscribers stay connected, and everything
/// works again once Redis is back, without a restart.
/// </summary>
public class RedisOutageTests
{
    [Fact]
    public async Task While_Redis_is_away_publishing_is_503_writes_succeed_streams_stay_open_and_it_all_recovers()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var cluster = await EventsCluster.StartAsync(ClusterBus.Redis, count: 2, redis: redis.ConfigurationString);
        await cluster[0].CreateClient(EventsApp.Ann).SendAsync(new AutoQuery.CreateShopOrder { CustomerId = "ann", RestaurantId = 7 });
        var (one, _) = await cluster[0].ConnectAsync("news", EventsApp.Ann);
        await using var _1 = one;
        var (two, _) = await cluster[1].ConnectAsync("news", EventsApp.Bob);
        await using var _2 = two;

        await redis.StopAsync();

        await Assert.ThrowsAsync<ServerEventsUnavailableException>(() => cluster[0].Events().NotifyChannelAsync("news", new NewsPosted { Title = "lost" }));
        var refused = await cluster[0].CreateClient(EventsApp.Ann).ApiAsync(new PostNews { Title = "lost" });
        Assert.Equal(503, refused.StatusCode);
        Assert.Equal("ServerEventsUnavailable", refused.ErrorCode);
        // The write is committed; only its event is lost, and logged.
        var patched = await cluster[0].CreateClient(EventsApp.Cara).ApiAsync(new AutoQuery.PatchShopOrder { Id = 1, Status = "Accepted" });
        Assert.True(patched.Succeeded, patched.ErrorSummary);
        Assert.Contains(cluster[0].Logs.Messages, m => m.EventId.Id == 4006 && m.Message.Contains("PatchShopOrder", StringComparison.Ordinal));
        Assert.Equal(1, cluster[0].Events().GetStats().Subscriptions);
        Assert.Equal(1, cluster[1].Events().GetStats().Subscriptions);

        await redis.StartAgainAsync();
        // Each node's bus listens again by itself (the multiplexer reconnects about once a second and subscribes again);
        // what is published before a node listens again does not reach it, as with any pub/sub.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!cluster.Nodes.All(n => n.Logs.Messages.Any(m => m.EventId.Id == 4003)))
        {
            Assert.True(DateTime.UtcNow < deadline, "a node's bus did not report that it listens again");
            await Task.Delay(50);
        }
        while (true)
        {
            try
            {
                await cluster[1].Events().NotifyChannelAsync("news", new NewsPosted { Title = "back" });
                break;
            }
            catch (ServerEventsUnavailableException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
        // Every node's subscription came back too: the streams that stayed open get it.
        Assert.Contains("back", (await one.ReadAsync()).Data);
        Assert.Contains("back", (await two.ReadAsync()).Data);
        Assert.Contains(cluster[0].Logs.Messages, m => m.EventId.Id == 4002 && m.Level == LogLevel.Warning);
    }
}
