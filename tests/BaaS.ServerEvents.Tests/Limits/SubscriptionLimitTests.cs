using System.Net;

namespace BaaS.ServerEvents.Tests.Limits;

/// <summary>The caps on open streams: per signed-in user, and per client address for anonymous callers.</summary>
public class SubscriptionLimitTests
{
    [Fact]
    public async Task A_user_over_the_cap_gets_429_until_one_of_their_streams_ends()
    {
        await using var server = await EventsApp.StartAsync(o => o.MaxSubscriptionsPerUser = 2);
        var (first, firstConnect) = await server.ConnectAsync("news", EventsApp.Ann);
        await using var _1 = first;
        var (second, _) = await server.ConnectAsync("news", EventsApp.AnnOtherSession);
        await using var _2 = second;

        await using (var third = await server.OpenStreamAsync("news", EventsApp.Ann))
        {
            Assert.Equal((HttpStatusCode)429, third.Response.StatusCode);
            var body = await third.ReadBodyAsync();
            Assert.Contains("\"errorCode\":\"TooManySubscriptions\"", body);
            Assert.Contains("MaxSubscriptionsPerUser", body);
        }
        // Another user is not counted against ann.
        var (bob, _) = await server.ConnectAsync("news", EventsApp.Bob);
        await using var _3 = bob;

        using var unregistered = await server.Http.PostAsync(firstConnect.Body.GetProperty("unRegisterUrl").GetString(), null);
        Assert.Equal(HttpStatusCode.OK, unregistered.StatusCode);
        var (again, _) = await server.ConnectAsync("news", EventsApp.Ann);
        await again.DisposeAsync();
    }

    [Fact]
    public async Task Anonymous_streams_are_capped_per_client_address()
    {
        await using var server = await EventsApp.StartAsync(o => o.MaxSubscriptionsPerAddress = 1);
        var (first, _) = await server.ConnectAsync("news");
        await using var _1 = first;
        await using (var second = await server.OpenStreamAsync("news"))
        {
            Assert.Equal((HttpStatusCode)429, second.Response.StatusCode);
            Assert.Contains("MaxSubscriptionsPerAddress", await second.ReadBodyAsync());
        }
        // A signed-in caller from the same address counts against their own cap, not the address's.
        var (ann, _) = await server.ConnectAsync("news", EventsApp.Ann);
        await using var _2 = ann;
        // Another address has its own budget.
        using var elsewhere = server.CreateHttp(from: IPAddress.Parse("127.0.0.9"));
        await using var other = await EventStreamReader.OpenAsync(elsewhere, "/event-stream?channels=news");
        Assert.Equal(HttpStatusCode.OK, other.Response.StatusCode);
    }
}
