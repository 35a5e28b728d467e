using System.Net;
using BaaS.Client;

namespace BaaS.ServerEvents.Tests.Docs;

/// <summary>Runs the examples of docs/server-events.md.</summary>
public class DeliveryEventsDocTests
{
    private const string Ann = "ann|Customer||s-ann";
    private const string Cara = "cara|Courier||s-cara";
    private const string Olive = "olive|Owner||s-olive";

    private static Task<TestServer> StartAsync() => TestServer.StartAsync([typeof(DeliveryServices)], o =>
    {
        o.UseTestAuthentication = true;
        o.ConfigureBuilder += DeliveryEventsSetup.ConfigureServices;
    });

    [Fact]
    public async Task The_documented_rules_admit_the_orders_people_and_the_service_reaches_them()
    {
        await using var server = await StartAsync();
        var (customer, _) = await server.ConnectAsync("order-5", Ann);
        await using var _1 = customer;
        var (courier, _) = await server.ConnectAsync("order-5,couriers", Cara);
        await using var _2 = courier;
        var (owner, _) = await server.ConnectAsync("restaurant-7,announcements", Olive);
        await using var _3 = owner;
        await using (var refused = await server.OpenStreamAsync("order-5", Olive))
            Assert.Equal(HttpStatusCode.Forbidden, refused.Response.StatusCode);
        await using (var refused = await server.OpenStreamAsync("restaurant-7", Ann))
            Assert.Equal(HttpStatusCode.Forbidden, refused.Response.StatusCode);

        await server.CreateClient(Olive).SendAsync(new AcceptDeliveryOrder { OrderId = 5, CustomerId = "ann" });
        Assert.Equal("order-5@cmd.DeliveryStatusChanged {\"orderId\":5,\"status\":\"Accepted\"}", (await customer.ReadAsync()).Data);
        Assert.Equal("cmd.DeliveryStatusChanged {\"orderId\":5,\"status\":\"Accepted\"}", (await customer.ReadAsync()).Data);
        Assert.Equal("order-5@cmd.DeliveryStatusChanged", (await courier.ReadAsync()).Data.Split(' ')[0]);
        Assert.Equal("couriers@cmd.ReadyForPickup {\"orderId\":5,\"restaurantId\":7}", (await courier.ReadAsync()).Data);
    }

    [Fact]
    public async Task The_documented_csharp_client_receives_the_status()
    {
        await using var server = await StartAsync();
        var baseUrl = server.BaseUrl;
        var status = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var client = new JsonApiClient(baseUrl);
        client.Headers[TestAuthentication.Header] = Ann; // in an app: client.BearerToken = auth.BearerToken

        #region snippet:server-events-csharp-client
        await using var events = new ServerEventsClient(client, "order-5")
            .On<DeliveryStatusChanged>(e => status.TrySetResult(e.Status));   // cmd.DeliveryStatusChanged
        events.OnException = e => Console.WriteLine(e.Message);
        var connection = await events.StartAsync();   // cmd.onConnect: connection.Id, connection.UserId...
        #endregion

        Assert.Equal("ann", connection.UserId);
        await server.CreateClient(Olive).SendAsync(new AcceptDeliveryOrder { OrderId = 5, CustomerId = "ann" });
        Assert.Equal("Accepted", await status.Task.WaitAsync(TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public async Task The_documented_sign_out_call_ends_the_sessions_streams()
    {
        await using var server = await StartAsync();
        var (stream, _) = await server.ConnectAsync("order-5", Ann);
        await using var _1 = stream;
        var events = server.Events();
        var sessionId = "s-ann";
        #region snippet:server-events-close-session
        await events.CloseSessionStreamsAsync(sessionId);   // the access token's sid: every node ends its streams
        #endregion
        Assert.Empty(await stream.ReadToEndAsync());
    }
}
