using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Text.Json;

namespace BaaS.ServerEvents.Tests.Access;

/// <summary>Who may join which channel: refusals are a 401/403 ResponseStatus before any stream starts.</summary>
public class ChannelAccessTests
{
    private static async Task<(HttpStatusCode Status, JsonElement Error, string? ContentType)> RefusalAsync(TestServer server, string channels, string? user)
    {
        await using var stream = await server.OpenStreamAsync(channels, user);
        var body = await stream.ReadBodyAsync();
        var error = JsonDocument.Parse(body).RootElement.GetProperty("responseStatus");
        return (stream.Response.StatusCode, error, stream.Response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_undeclared_channel_is_403_with_a_ResponseStatus_not_an_empty_stream()
    {
        await using var server = await EventsApp.StartAsync();
        var (status, error, type) = await RefusalAsync(server, "news,secret-plans", EventsApp.Ann);
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("application/json", type);
        Assert.Equal("Forbidden", error.GetProperty("errorCode").GetString());
        Assert.Contains("secret-plans", error.GetProperty("message").GetString());
        Assert.Empty(server.Events().GetSubscriptions());
    }

    [Fact]
    public async Task Undeclared_channels_can_be_opened_to_anyone_by_configuration()
    {
        await using var server = await EventsApp.StartAsync(o => o.UndeclaredChannels = ChannelAccess.Anyone);
        var (stream, _) = await server.ConnectAsync("lobby");
        await using var _1 = stream;
        // A declared channel keeps its rule.
        var (status, _, _) = await RefusalAsync(server, "couriers", EventsApp.Ann);
        Assert.Equal(HttpStatusCode.Forbidden, status);
    }

    [Fact]
    public async Task An_anonymous_caller_cannot_join_a_signed_in_channel()
    {
        await using var server = await EventsApp.StartAsync();
        var (status, error, _) = await RefusalAsync(server, "staff", null);
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("Unauthorized", error.GetProperty("errorCode").GetString());
        var (stream, _) = await server.ConnectAsync("staff", EventsApp.Bob);
        await stream.DisposeAsync();
    }

    [Fact]
    public async Task A_role_channel_admits_the_role_and_Admin_and_refuses_others()
    {
        await using var server = await EventsApp.StartAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await RefusalAsync(server, "couriers", EventsApp.Ann)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefusalAsync(server, "couriers", null)).Status);
        var (courier, _) = await server.ConnectAsync("couriers", EventsApp.Cara);
        await using var _1 = courier;
        var (admin, _) = await server.ConnectAsync("couriers", EventsApp.Admin);
        await using var _2 = admin;
        await server.Events().NotifyChannelAsync("couriers", new NewsPosted { Title = "Order 9 is ready for pickup" });
        Assert.Equal("couriers", (await courier.ReadAsync()).Channel);
        Assert.Equal("couriers", (await admin.ReadAsync()).Channel);
    }

    [Fact]
    public async Task A_customer_cannot_join_another_customers_order_channel()
    {
        await using var server = await EventsApp.StartAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await RefusalAsync(server, "order-2", EventsApp.Ann)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await RefusalAsync(server, "order-1,order-2", EventsApp.Ann)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await RefusalAsync(server, "order-99", EventsApp.Ann)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefusalAsync(server, "order-1", null)).Status);

        var (ann, _) = await server.ConnectAsync("order-1", EventsApp.Ann);
        await using var _1 = ann;
        var (cara, _) = await server.ConnectAsync("order-1,order-2", EventsApp.Cara);
        await using var _2 = cara;
        var (bob, _) = await server.ConnectAsync("order-2", EventsApp.Bob);
        await using var _3 = bob;

        await server.Events().NotifyChannelAsync("order-1", new OrderStatusChanged { Id = 1, Status = "Accepted", CustomerId = "ann" });
        await server.Events().NotifyChannelAsync("order-2", new OrderStatusChanged { Id = 2, Status = "Cooking", CustomerId = "bob" });
        Assert.Equal(1, (await ann.ReadAsync()).Body.GetProperty("id").GetInt32());
        Assert.Equal(2, (await bob.ReadAsync()).Body.GetProperty("id").GetInt32());
        Assert.Equal(1, (await cara.ReadAsync()).Body.GetProperty("id").GetInt32());
        Assert.Equal(2, (await cara.ReadAsync()).Body.GetProperty("id").GetInt32());
        Assert.True(server.Services.GetRequiredService<OrderDirectory>().Asked >= 6, "the rule is asked per caller and channel");
    }

    [Fact]
    public async Task The_couriers_channel_refuses_a_customer_and_subscribers_of_it_are_not_listed_to_them()
    {
        await using var server = await EventsApp.StartAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await RefusalAsync(server, "couriers", EventsApp.Bob)).Status);
        using var http = server.CreateHttp(EventsApp.Bob);
        using var list = await http.GetAsync("/event-subscribers?channels=couriers");
        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
    }
}
