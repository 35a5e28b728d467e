using Microsoft.Extensions.Time.Testing;

namespace BaaS.ServerEvents.Tests.Lifetime;

/// <summary>A client reconnecting with Last-Event-ID gets what it missed within the replay window, and only what it may see.</summary>
public class ReplayTests
{
    [Fact]
    public async Task Reconnecting_with_Last_Event_ID_replays_the_missed_messages_it_may_see_in_order()
    {
        await using var server = await EventsApp.StartAsync();
        var events = server.Events();
        var (before, _) = await server.ConnectAsync("news,order-1", EventsApp.Ann);
        await events.NotifyChannelAsync("news", new NewsPosted { Title = "seen", Number = 1 });
        var seen = await before.ReadAsync();
        await before.DisposeAsync();

        await events.NotifyChannelAsync("news", new NewsPosted { Title = "missed", Number = 2 });
        await events.NotifyChannelAsync("order-2", new OrderStatusChanged { Id = 2, Status = "bob's" });
        await events.NotifyUserAsync("ann", new PrivateNote { Text = "for ann" });
        await events.NotifyUserAsync("bob", new PrivateNote { Text = "for bob" });
        await events.NotifyChannelAsync("order-1", new OrderStatusChanged { Id = 1, Status = "Delivered" });
        await events.NotifyChannelAsync("staff", new NewsPosted { Title = "ann is not in staff", Number = 3 });

        var (after, connect) = await server.ConnectAsync("news,order-1", EventsApp.Ann, lastEventId: seen.Id);
        await using var _ = after;
        Assert.Equal(seen.Id, connect.Id);
        var replayed = new[] { await after.ReadAsync(), await after.ReadAsync(), await after.ReadAsync() };
        Assert.Equal(["news@cmd.NewsPosted", "cmd.PrivateNote", "order-1@cmd.OrderStatusChanged"], replayed.Select(f => f.Data.Split(' ')[0]));
        Assert.Contains("missed", replayed[0].Data);
        Assert.Contains("for ann", replayed[1].Data);
        Assert.True(replayed[0].IdNumber < replayed[1].IdNumber && replayed[1].IdNumber < replayed[2].IdNumber);

        await events.NotifyChannelAsync("news", new NewsPosted { Title = "live", Number = 4 });
        Assert.Contains("live", (await after.ReadAsync()).Data);
    }

    [Fact]
    public async Task Replay_holds_only_the_last_messages_and_only_within_the_window()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var server = await EventsApp.StartAsync(o => o.ReplayMessages = 3, clock: clock);
        var events = server.Events();
        var (first, connect) = await server.ConnectAsync("news");
        await first.DisposeAsync();

        await events.NotifyChannelAsync("news", new NewsPosted { Number = 1 });
        clock.Advance(TimeSpan.FromSeconds(61)); // message 1 is now out of the 60 s window
        for (var n = 2; n <= 6; n++) await events.NotifyChannelAsync("news", new NewsPosted { Number = n });
        Assert.Equal(3, events.GetStats().ReplayMessages);

        var (again, _) = await server.ConnectAsync("news", lastEventId: connect.Id);
        await using var _1 = again;
        await events.NotifyChannelAsync("news", new NewsPosted { Number = 99 });
        var numbers = new List<int>();
        while (numbers.LastOrDefault() != 99) numbers.Add((await again.ReadAsync()).Body.GetProperty("number").GetInt32());
        Assert.Equal([4, 5, 6, 99], numbers);
    }

    [Fact]
    public async Task Join_notices_are_not_replayed()
    {
        await using var server = await EventsApp.StartAsync(o => o.NotifyChannelOfSubscriptions = true);
        var (ann, annConnect) = await server.ConnectAsync("staff", EventsApp.Ann);
        var ownJoin = await ann.ReadAsync();
        Assert.Equal("cmd.onJoin", ownJoin.Selector);
        // Unregistered (not just disconnected), so its leave notice is sent before anything below.
        using (await server.Http.PostAsync(annConnect.Body.GetProperty("unRegisterUrl").GetString(), null)) { }
        await ann.DisposeAsync();
        var (bob, _) = await server.ConnectAsync("staff", EventsApp.Bob);
        await using var _1 = bob;

        var (back, _) = await server.ConnectAsync("staff", EventsApp.AnnOtherSession, lastEventId: ownJoin.Id);
        await using var _2 = back;
        await server.Events().NotifyChannelAsync("staff", new NewsPosted { Title = "marker" });
        var frames = new List<EventStreamReader.EventFrame>();
        while (frames.LastOrDefault()?.Selector != "cmd.NewsPosted") frames.Add(await back.ReadAsync());
        // Only its own join (live) and the marker: bob's join and ann's leave before it reconnected are not replayed.
        Assert.Equal(["cmd.onJoin", "cmd.NewsPosted"], frames.Select(f => f.Selector));
        Assert.Equal("ann", frames[0].Body.GetProperty("userId").GetString());
    }
}
