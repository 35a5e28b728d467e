using BaaS.Data;
using System.Net;
using System.Text.Json;

namespace BaaS.ServerEvents.Tests.Nodes;

/// <summary>Three nodes of one app: messages, closes, heartbeats and replay reach across them through the bus.</summary>
public abstract class ClusterTests(ClusterBus bus)
{
    [Fact]
    public async Task A_message_published_on_node_1_reaches_subscribers_on_every_node()
    {
        await using var cluster = await EventsCluster.StartAsync(bus);
        var streams = new List<EventStreamReader>();
        foreach (var node in cluster.Nodes) streams.Add((await node.ConnectAsync("order-1", EventsApp.Ann)).Stream);
        try
        {
            await cluster[0].Events().NotifyChannelAsync("order-1", new OrderStatusChanged { Id = 1, Status = "Accepted", CustomerId = "ann" });
            var frames = new List<EventStreamReader.EventFrame>();
            foreach (var stream in streams) frames.Add(await stream.ReadAsync());
            Assert.All(frames, f => Assert.Equal("order-1@cmd.OrderStatusChanged {\"id\":1,\"status\":\"Accepted\",\"customerId\":\"ann\"}", f.Data));
            Assert.Single(frames.Select(f => f.Id).Distinct()); // one id, the same on every node
            Assert.Equal(bus == ClusterBus.Redis ? "redis" : "database", cluster[1].Events().GetStats().Bus);
        }
        finally
        {
            foreach (var stream in streams) await stream.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_status_change_written_through_node_1_reaches_the_customer_on_nodes_2_and_3()
    {
        await using var cluster = await EventsCluster.StartAsync(bus);
        await cluster[0].CreateClient(EventsApp.Ann).SendAsync(new AutoQuery.CreateShopOrder { CustomerId = "ann", RestaurantId = 7 });
        var (onTwo, _) = await cluster[1].ConnectAsync("order-1", EventsApp.Ann);
        await using var _1 = onTwo;
        var (onThree, _) = await cluster[2].ConnectAsync("news", EventsApp.AnnOtherSession);
        await using var _2 = onThree;

        await cluster[0].CreateClient(EventsApp.Cara).SendAsync(new AutoQuery.PatchShopOrder { Id = 1, Status = "Accepted" });
        Assert.Equal("order-1@cmd.OrderStatusChanged", (await onTwo.ReadAsync()).Data.Split(' ')[0]);
        // The [PublishEvent] to the customer: every tab of ann's, on any node.
        var toUser = await onThree.ReadAsync();
        Assert.Equal("cmd.OrderStatusChanged", toUser.Selector);
        Assert.Equal("Accepted", toUser.Body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_client_resumes_on_another_node_with_Last_Event_ID()
    {
        await using var cluster = await EventsCluster.StartAsync(bus);
        var (first, _) = await cluster[0].ConnectAsync("news");
        await cluster[2].Events().NotifyChannelAsync("news", new NewsPosted { Number = 1 });
        var seen = await first.ReadAsync();
        await first.DisposeAsync();

        await cluster[2].Events().NotifyChannelAsync("news", new NewsPosted { Number = 2 });
        await cluster[0].Events().NotifyChannelAsync("news", new NewsPosted { Number = 3 });
        // Both published messages reached node 2's replay log before the client comes back there.
        await WaitUntilAsync(() => cluster[1].Events().GetStats().ReplayMessages >= 3);

        var (second, connect) = await cluster[1].ConnectAsync("news", lastEventId: seen.Id);
        await using var _ = second;
        Assert.Equal(seen.Id, connect.Id);
        Assert.Equal(2, (await second.ReadAsync()).Body.GetProperty("number").GetInt32());
        Assert.Equal(3, (await second.ReadAsync()).Body.GetProperty("number").GetInt32());
    }

    [Fact]
    public async Task Closing_a_session_on_one_node_ends_its_streams_on_every_node()
    {
        await using var cluster = await EventsCluster.StartAsync(bus);
        var (onOne, _) = await cluster[0].ConnectAsync("news", EventsApp.Ann);
        await using var _1 = onOne;
        var (onThree, _) = await cluster[2].ConnectAsync("news", EventsApp.Ann);
        await using var _2 = onThree;
        var (other, _) = await cluster[2].ConnectAsync("news", EventsApp.AnnOtherSession);
        await using var _3 = other;

        await cluster[1].Events().CloseSessionStreamsAsync("s-ann-1");
        Assert.Empty(await onOne.ReadToEndAsync());
        Assert.Empty(await onThree.ReadToEndAsync());
        await cluster[1].Events().NotifyChannelAsync("news", new NewsPosted { Title = "kept" });
        Assert.Contains("kept", (await other.ReadAsync()).Data);
    }

    [Fact]
    public async Task A_heartbeat_or_unregister_that_reaches_another_node_reaches_the_subscription()
    {
        await using var cluster = await EventsCluster.StartAsync(bus);
        var (stream, connect) = await cluster[1].ConnectAsync("news", EventsApp.Ann);
        await using var _ = stream;
        var id = connect.Body.GetProperty("id").GetString();

        // A load balancer sent the heartbeat to node 1: it passes it on, and node 2 answers on the stream.
        using (var beat = await cluster[0].Http.PostAsync($"/event-heartbeat?id={id}", null))
            Assert.Equal(HttpStatusCode.OK, beat.StatusCode);
        Assert.Equal("cmd.onHeartbeat", (await stream.ReadAsync()).Selector);

        using (var unregister = await cluster[2].Http.PostAsync($"/event-unregister?id={id}", null))
            Assert.Equal(HttpStatusCode.OK, unregister.StatusCode);
        Assert.Empty(await stream.ReadToEndAsync());

        // An id that is no subscription's cannot be forwarded: it is not even one's shape.
        using var junk = await cluster[0].Http.PostAsync("/event-heartbeat?id=not-an-id", null);
        Assert.Equal(HttpStatusCode.NotFound, junk.StatusCode);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new Xunit.Sdk.XunitException("Timed out waiting for the nodes.");
            await Task.Delay(10);
        }
    }
}

public class PostgresClusterTests() : ClusterTests(ClusterBus.PostgreSql)
{
    [Fact]
    public async Task A_message_too_large_for_a_notification_is_stored_and_reaches_every_node()
    {
        await using var cluster = await EventsCluster.StartAsync(ClusterBus.PostgreSql, count: 2);
        var (stream, _) = await cluster[1].ConnectAsync("news");
        await using var _1 = stream;
        var title = new string('é', 10_000); // 20,000 bytes of UTF-8: over PostgreSQL's 8000
        await cluster[0].Events().NotifyChannelAsync("news", new NewsPosted { Title = title, Number = 1 });
        await cluster[0].Events().NotifyChannelAsync("news", new NewsPosted { Title = "small", Number = 2 });
        var large = await stream.ReadAsync();
        Assert.Equal(title, large.Body.GetProperty("title").GetString());
        Assert.Equal(2, (await stream.ReadAsync()).Body.GetProperty("number").GetInt32());
        await using var db = await cluster[0].Db.OpenAsync();
        Assert.Equal(1, await db.CountAsync<BaaS.ServerEvents.ServerEventPayloadRecord>());
    }

    [Fact]
    public async Task A_node_whose_listening_connection_is_killed_listens_again_by_itself_and_keeps_its_streams()
    {
        await using var cluster = await EventsCluster.StartAsync(ClusterBus.PostgreSql, count: 2);
        var (stream, _) = await cluster[1].ConnectAsync("news");
        await using var _1 = stream;

        // The database ends every LISTEN connection of this database (as a restart or a network cut would).
        await using (var db = await cluster[0].Db.OpenAsync())
            await db.ExecuteSqlAsync("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%'");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!cluster.Nodes.All(n => n.Logs.Messages.Any(m => m.EventId.Id == 4003)))
        {
            Assert.True(DateTime.UtcNow < deadline, "a node did not listen again");
            await Task.Delay(50);
        }
        Assert.All(cluster.Nodes, n => Assert.Contains(n.Logs.Messages, m => m.EventId.Id == 4002));

        await cluster[0].Events().NotifyChannelAsync("news", new NewsPosted { Title = "after" });
        Assert.Contains("after", (await stream.ReadAsync()).Data);
        Assert.Equal(1, cluster[1].Events().GetStats().Subscriptions);
    }
}

public class RedisClusterTests() : ClusterTests(ClusterBus.Redis);
