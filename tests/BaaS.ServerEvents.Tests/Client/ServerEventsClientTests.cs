using BaaS.Client;

namespace BaaS.ServerEvents.Tests.Client;

/// <summary>BaaS.Client's ServerEventsClient against the live server: typed handlers, heartbeats, reconnection, unregistering.</summary>
public class ServerEventsClientTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Connects_and_hands_a_typed_message_to_its_handler()
    {
        await using var server = await EventsApp.StartAsync();
        var api = server.CreateClient(EventsApp.Ann);
        var received = new TaskCompletionSource<(OrderStatusChanged, ServerEventMessage)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var all = new List<string>();
        await using var events = new ServerEventsClient(api, "order-1", "news")
            .On<OrderStatusChanged>((e, message) => received.TrySetResult((e, message)));
        events.OnMessage = m => { lock (all) all.Add(m.Selector); };

        var connect = await events.StartAsync().WaitAsync(Guard);
        Assert.Equal("ann", connect.UserId);
        Assert.True(connect.IsAuthenticated);
        Assert.Equal("order-1,news", connect.Channels);
        Assert.Equal(10_000, connect.HeartbeatIntervalMs);

        await server.Events().NotifyChannelAsync("news", "cmd.announce", "hi");
        await server.Events().NotifyChannelAsync("order-1", new OrderStatusChanged { Id = 1, Status = "Accepted", CustomerId = "ann" });
        var (changed, envelope) = await received.Task.WaitAsync(Guard);
        Assert.Equal("Accepted", changed.Status);
        Assert.Equal("order-1", envelope.Channel);
        Assert.Equal("OrderStatusChanged", envelope.Target);
        Assert.Equal(envelope.EventId.ToString(System.Globalization.CultureInfo.InvariantCulture), events.LastEventId);
        lock (all) Assert.Equal(["cmd.announce", "cmd.OrderStatusChanged"], all);
    }

    [Fact]
    public async Task A_refused_channel_fails_StartAsync_with_the_servers_ResponseStatus()
    {
        await using var server = await EventsApp.StartAsync();
        await using var events = new ServerEventsClient(server.CreateClient(EventsApp.Ann), "order-2");
        var error = await Assert.ThrowsAsync<WebServiceException>(() => events.StartAsync().WaitAsync(Guard));
        Assert.Equal(403, error.StatusCode);
        Assert.Equal("Forbidden", error.ErrorCode);
    }

    [Fact]
    public async Task Sends_heartbeats_at_the_interval_the_server_gives()
    {
        await using var server = await EventsApp.StartAsync(o => o.HeartbeatInterval = TimeSpan.FromMilliseconds(100));
        var heartbeat = new TaskCompletionSource<ServerEventUser>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var events = new ServerEventsClient(server.CreateClient(EventsApp.Ann), "news") { OnHeartbeat = u => heartbeat.TrySetResult(u) };
        var connect = await events.StartAsync().WaitAsync(Guard);
        Assert.Equal(100, connect.HeartbeatIntervalMs);
        Assert.Equal("ann", (await heartbeat.Task.WaitAsync(Guard)).UserId);
    }

    [Fact]
    public async Task Reconnects_after_the_server_ends_its_stream_and_receives_what_was_sent_meanwhile_once()
    {
        await using var server = await EventsApp.StartAsync();
        var connects = 0;
        var reconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var statuses = new List<string>();
        var delivered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var events = new ServerEventsClient(server.CreateClient(EventsApp.Ann), "order-1")
        {
            InitialReconnectDelay = TimeSpan.FromMilliseconds(50),
            OnConnect = _ =>
            {
                if (Interlocked.Increment(ref connects) == 2) reconnected.TrySetResult();
            },
        };
        events.On<OrderStatusChanged>(e =>
        {
            lock (statuses) statuses.Add(e.Status);
            if (e.Status == "Delivered") delivered.TrySetResult();
        });
        // Sent while the client is away (before it reconnects): it only arrives through Last-Event-ID.
        events.OnReconnect = _ => server.Events().NotifyChannelAsync("order-1", new OrderStatusChanged { Id = 1, Status = "PickedUp" }).GetAwaiter().GetResult();

        await events.StartAsync().WaitAsync(Guard);
        await server.Events().NotifyChannelAsync("order-1", new OrderStatusChanged { Id = 1, Status = "Accepted" });
        await WaitForAsync(() => { lock (statuses) return statuses.Count == 1; });

        await server.Events().CloseUserStreamsAsync("ann");
        await reconnected.Task.WaitAsync(Guard);
        await server.Events().NotifyChannelAsync("order-1", new OrderStatusChanged { Id = 1, Status = "Delivered" });
        await delivered.Task.WaitAsync(Guard);
        lock (statuses) Assert.Equal(["Accepted", "PickedUp", "Delivered"], statuses);
    }

    [Fact]
    public async Task Disposing_unregisters_the_subscription()
    {
        await using var server = await EventsApp.StartAsync();
        var events = new ServerEventsClient(server.CreateClient(EventsApp.Ann), "news");
        await events.StartAsync().WaitAsync(Guard);
        Assert.Single(server.Events().GetSubscriptions());
        await events.DisposeAsync();
        Assert.Empty(server.Events().GetSubscriptions());
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Guard;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new Xunit.Sdk.XunitException("Timed out waiting.");
            await Task.Delay(10);
        }
    }
}
