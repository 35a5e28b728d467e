using System.Net;
using System.Text.Json;
using BaaS.Client;
using BaaS.Testing;
using MyApp.ServiceInterface;
using MyApp.ServiceModel;

namespace MyApp.Tests;

/// <summary>
/// MyApp's live order updates over server events: the customer's C# client hears its order accepted; the owner hears
/// of new orders; couriers hear of orders ready for pickup; nobody joins a channel that is not theirs.
/// </summary>
public abstract class OrderEventsTests<THost>(THost host) where THost : MyAppFixture
{
    [Fact]
    public async Task The_customers_client_connects_and_hears_its_order_accepted_by_the_owner()
    {
        using var owner = host.As(host.Owner);
        using var customer = host.As(host.Customer);
        var (restaurantId, menu) = await Kitchen.OpenAsync(owner);
        var order = await customer.SendAsync(Kitchen.Order(restaurantId, (menu["Noodles"], 2)));

        var accepted = new TaskCompletionSource<OrderStatusChanged>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var events = new ServerEventsClient(customer, OrderEvents.OrderChannel(order.Id))
            .On<OrderStatusChanged>(e => accepted.TrySetResult(e));
        var connection = await events.StartAsync();
        Assert.Equal(host.Customer.Id.ToString(), connection.UserId);

        await Kitchen.MoveAsync(owner, order.Id, OrderStatus.Accepted);

        var changed = await accepted.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal((order.Id, restaurantId, OrderStatus.Accepted, OrderStatus.Placed), (changed.OrderId, changed.RestaurantId, changed.Status, changed.PreviousStatus));
    }

    [Fact]
    public async Task The_owner_hears_new_orders_and_couriers_hear_an_order_ready_for_pickup()
    {
        using var owner = host.As(host.Owner);
        using var customer = host.As(host.Customer);
        var (restaurantId, menu) = await Kitchen.OpenAsync(owner);
        var ownerHttp = Http(host.Owner.Token);
        var courierHttp = Http(host.Courier.Token);
        await using var ownerStream = await EventStreamReader.OpenAsync(ownerHttp, $"/event-stream?channels={OrderEvents.RestaurantChannel(restaurantId)}");
        await using var courierStream = await EventStreamReader.OpenAsync(courierHttp, $"/event-stream?channels={OrderEvents.Couriers}");
        await ownerStream.ReadUntilAsync("cmd.onConnect");
        await courierStream.ReadUntilAsync("cmd.onConnect");

        var order = await customer.SendAsync(Kitchen.Order(restaurantId, (menu["Noodles"], 2), (menu["Dumplings"], 1)));
        var placed = await ownerStream.ReadUntilAsync("cmd.NewOrder");
        Assert.Equal(OrderEvents.RestaurantChannel(restaurantId), placed.Channel);
        using (var json = JsonDocument.Parse(placed.Json!))
        {
            Assert.Equal(order.Id, json.RootElement.GetProperty("orderId").GetInt32());
            Assert.Equal(3, json.RootElement.GetProperty("dishes").GetInt32());
        }

        await Kitchen.MoveAsync(owner, order.Id, OrderStatus.Accepted);
        await Kitchen.MoveAsync(owner, order.Id, OrderStatus.Preparing);
        var ready = await courierStream.ReadUntilAsync("cmd.OrderReadyForPickup");
        using (var json = JsonDocument.Parse(ready.Json!))
        {
            Assert.Equal(order.Id, json.RootElement.GetProperty("orderId").GetInt32());
            Assert.Equal("1 Elm St", json.RootElement.GetProperty("dropoffAddress").GetString());
        }
        // The owner's channel saw both moves, in order.
        Assert.Equal("Accepted", StatusOf(await ownerStream.ReadUntilAsync("cmd.OrderStatusChanged")));
        Assert.Equal("Preparing", StatusOf(await ownerStream.ReadUntilAsync("cmd.OrderStatusChanged")));

        // A courier takes it: it leaves the couriers' pool.
        using var courier = host.As(host.Courier);
        await Kitchen.MoveAsync(courier, order.Id, OrderStatus.OutForDelivery);
        Assert.Equal("OutForDelivery", StatusOf(await courierStream.ReadUntilAsync("cmd.OrderStatusChanged")));
    }

    [Fact]
    public async Task Nobody_joins_a_channel_that_is_not_theirs()
    {
        using var owner = host.As(host.Owner);
        using var customer = host.As(host.Customer);
        var (restaurantId, menu) = await Kitchen.OpenAsync(owner);
        var order = await customer.SendAsync(Kitchen.Order(restaurantId, (menu["Noodles"], 1)));

        // Another customer: not their order, not a courier, not the owner.
        var other = Http(host.OtherCustomer.Token);
        await AssertRefusedAsync(other, OrderEvents.OrderChannel(order.Id), HttpStatusCode.Forbidden);
        await AssertRefusedAsync(other, OrderEvents.Couriers, HttpStatusCode.Forbidden);
        await AssertRefusedAsync(other, OrderEvents.RestaurantChannel(restaurantId), HttpStatusCode.Forbidden);
        await AssertRefusedAsync(Http(host.OtherOwner.Token), OrderEvents.RestaurantChannel(restaurantId), HttpStatusCode.Forbidden);
        // Anonymous callers join nothing signed in: 401.
        await AssertRefusedAsync(host.CreateHttp(), OrderEvents.OrderChannel(order.Id), HttpStatusCode.Unauthorized);
        await AssertRefusedAsync(host.CreateHttp(), OrderEvents.Couriers, HttpStatusCode.Unauthorized);
        // The order's own parties may.
        await using var own = await EventStreamReader.OpenAsync(Http(host.Customer.Token), $"/event-stream?channels={OrderEvents.OrderChannel(order.Id)}");
        Assert.Equal(HttpStatusCode.OK, own.Response.StatusCode);
        await using var owners = await EventStreamReader.OpenAsync(Http(host.Owner.Token), $"/event-stream?channels={OrderEvents.OrderChannel(order.Id)}");
        Assert.Equal(HttpStatusCode.OK, owners.Response.StatusCode);
    }

    [Fact]
    public async Task The_event_types_are_in_the_metadata_and_the_channels_in_plugins()
    {
        using var metadata = JsonDocument.Parse(await host.CreateHttp().GetStringAsync("/metadata/app.json"));
        var types = metadata.RootElement.GetProperty("api").GetProperty("types").EnumerateArray().Select(t => t.GetProperty("name").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "OrderStatusChanged", "NewOrder", "OrderReadyForPickup" }, types);
        var events = metadata.RootElement.GetProperty("plugins").GetProperty("serverEvents").GetRawText();
        Assert.Contains("order-*", events, StringComparison.Ordinal);
        Assert.Contains("couriers", events, StringComparison.Ordinal);
        Assert.Contains("export class OrderStatusChanged", await host.CreateHttp().GetStringAsync("/types/typescript"), StringComparison.Ordinal);
    }

    private HttpClient Http(string token)
    {
        var http = host.CreateHttp();
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return http;
    }

    private static async Task AssertRefusedAsync(HttpClient http, string channel, HttpStatusCode status)
    {
        await using var stream = await EventStreamReader.OpenAsync(http, $"/event-stream?channels={channel}");
        Assert.Equal(status, stream.Response.StatusCode);
        Assert.Contains("\"responseStatus\"", await stream.ReadBodyAsync(), StringComparison.Ordinal);
    }

    private static string StatusOf(EventStreamReader.EventFrame frame)
    {
        using var json = JsonDocument.Parse(frame.Json!);
        return json.RootElement.GetProperty("status").GetString()!;
    }
}

[Collection(SqliteApp.Name)]
public class SqliteOrderEventsTests(SqliteMyAppFixture host) : OrderEventsTests<SqliteMyAppFixture>(host);

[Collection(PostgreSqlApp.Name)]
public class PostgreSqlOrderEventsTests(PostgreSqlMyAppFixture host) : OrderEventsTests<PostgreSqlMyAppFixture>(host);
