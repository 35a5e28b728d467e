using Microsoft.Extensions.Time.Testing;

namespace BaaS.ServerEvents.Tests.Lifetime;

/// <summary>Subscriptions without heartbeats expire; the clock is a fake one that the test moves.</summary>
public class IdleExpiryTests
{
    [Fact]
    public async Task A_subscription_without_heartbeats_expires_while_one_that_beats_stays()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var server = await EventsApp.StartAsync(clock: clock);
        var (beating, beatingConnect) = await server.ConnectAsync("news", EventsApp.Ann);
        await using var _1 = beating;
        var (silent, _) = await server.ConnectAsync("news", EventsApp.Bob);
        await using var _2 = silent;

        clock.Advance(TimeSpan.FromSeconds(20));
        using (var beat = await server.Http.PostAsync(beatingConnect.Body.GetProperty("heartbeatUrl").GetString(), null))
            Assert.True(beat.IsSuccessStatusCode);
        Assert.Equal("cmd.onHeartbeat", (await beating.ReadAsync()).Selector);

        // 35 s after connecting: bob's last sign of life is 35 s old (over the 30 s timeout), ann's 15 s.
        clock.Advance(TimeSpan.FromSeconds(15));
        Assert.Empty(await silent.ReadToEndAsync());

        // The same pass kept ann's subscription: it still receives.
        await server.Events().NotifyChannelAsync("news", new NewsPosted { Title = "still there" });
        Assert.Contains("still there", (await beating.ReadAsync()).Data);
        var stats = server.Events().GetStats();
        Assert.Equal(1, stats.Expired);
        Assert.Equal("ann", Assert.Single(server.Events().GetSubscriptions()).UserId);

        // An expired subscription's heartbeat is 404: the client must reconnect.
        clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Empty(await beating.ReadToEndAsync());
        using var again = await server.Http.PostAsync(beatingConnect.Body.GetProperty("heartbeatUrl").GetString(), null);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, again.StatusCode);
    }
}
