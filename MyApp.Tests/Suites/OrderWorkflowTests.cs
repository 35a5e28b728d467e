using BaaS.Client;
using MyApp.ServiceInterface;
using MyApp.ServiceModel;

namespace MyApp.Tests;

/// <summary>The order status workflow: who moves an order, which moves exist, and races between parties.</summary>
public abstract class OrderWorkflowTests<THost>(THost host) where THost : MyAppFixture
{
    private async Task<(int RestaurantId, Dictionary<string, MenuItem> Menu, Order Order)> PlacedAsync(int? stock = null, int quantity = 1)
    {
        using var owner = host.As(host.Owner);
        var (restaurantId, menu) = await Kitchen.OpenAsync(owner, stock: stock);
        using var customer = host.As(host.Customer);
        var order = await customer.SendAsync(Kitchen.Order(restaurantId, (menu["Dumplings"], quantity)));
        return (restaurantId, menu, order);
    }

    /// <summary>An order moved along the happy path up to <paramref name="status"/> (or cancelled while Placed).</summary>
    private async Task<Order> InStatusAsync(OrderStatus status)
    {
        var (_, _, order) = await PlacedAsync();
        using var owner = host.As(host.Owner);
        using var courier = host.As(host.Courier);
        if (status == OrderStatus.Cancelled) return await Kitchen.MoveAsync(owner, order.Id, OrderStatus.Cancelled);
        OrderStatus[] path = [OrderStatus.Accepted, OrderStatus.Preparing, OrderStatus.OutForDelivery, OrderStatus.Delivered];
        foreach (var next in path.TakeWhile(s => s <= status))
            order = await Kitchen.MoveAsync(next >= OrderStatus.OutForDelivery ? courier : owner, order.Id, next);
        Assert.Equal(status, order.Status);
        return order;
    }

    [Fact]
    public async Task An_order_goes_from_placed_to_delivered_with_owner_and_courier_and_everyone_sees_it()
    {
        var (restaurantId, _, order) = await PlacedAsync();
        using var owner = host.As(host.Owner);
        using var courier = host.As(host.Courier);
        using var customer = host.As(host.Customer);

        Assert.Contains((await owner.SendAsync(new QueryRestaurantOrders { RestaurantId = restaurantId, Status = OrderStatus.Placed })).Results, o => o.Id == order.Id);
        var accepted = await Kitchen.MoveAsync(owner, order.Id, OrderStatus.Accepted);
        Assert.NotNull(accepted.AcceptedAt);
        Assert.DoesNotContain((await courier.SendAsync(new QueryAvailableOrders { RestaurantId = restaurantId })).Results, o => o.Id == order.Id);

        await Kitchen.MoveAsync(owner, order.Id, OrderStatus.Preparing);
        var available = (await courier.SendAsync(new QueryAvailableOrders { RestaurantId = restaurantId })).Results.Single(o => o.Id == order.Id);
        Assert.Single(available.Items); // the courier sees what to pick up

        var taken = await Kitchen.MoveAsync(courier, order.Id, OrderStatus.OutForDelivery);
        Assert.Equal(host.Courier.Id, taken.CourierId);
        Assert.DoesNotContain((await courier.SendAsync(new QueryAvailableOrders { RestaurantId = restaurantId })).Results, o => o.Id == order.Id);
        var delivery = (await courier.SendAsync(new QueryMyDeliveries { OrderId = order.Id })).Results.Single();
        Assert.Equal(host.Courier.Id, delivery.CourierId);
        Assert.Equal("1 Elm St", delivery.DropoffAddress);
        Assert.Contains("5 Test Lane", delivery.PickupAddress);
        Assert.Null(delivery.DeliveredAt);

        var delivered = await Kitchen.MoveAsync(courier, order.Id, OrderStatus.Delivered);
        Assert.NotNull(delivered.DeliveredAt);
        Assert.NotNull((await courier.SendAsync(new QueryMyDeliveries { OrderId = order.Id })).Results.Single().DeliveredAt);
        Assert.Equal(OrderStatus.Delivered, (await customer.SendAsync(new QueryMyOrders { Id = order.Id })).Results.Single().Status);
        Assert.Equal(OrderStatus.Delivered, (await owner.SendAsync(new QueryRestaurantOrders { Id = order.Id })).Results.Single().Status);
    }

    [Fact]
    public async Task Every_illegal_transition_is_refused_with_409_naming_the_status_and_the_next_ones()
    {
        var statuses = Enum.GetValues<OrderStatus>();
        var orders = new Dictionary<OrderStatus, Order>();
        foreach (var status in statuses) orders[status] = await InStatusAsync(status);
        using var admin = host.As(host.Admin); // may make every legal move, so only legality can refuse it

        var refused = 0;
        foreach (var from in statuses)
        {
            foreach (var to in statuses.Where(to => !OrderWorkflow.IsLegal(from, to)))
            {
                var result = await admin.ApiAsync(new UpdateOrderStatus { Id = orders[from].Id, Status = to });
                Assert.True(result.StatusCode == 409, $"{from} -> {to} answered {result.StatusCode}");
                Assert.Equal("IllegalTransition", result.ErrorCode);
                var next = OrderWorkflow.NextOf(from);
                Assert.Equal(next.Count == 0
                    ? $"Order {orders[from].Id} is {from}, which is final: it cannot move to {to}."
                    : $"Order {orders[from].Id} is {from}: it can move to {string.Join(" or ", next)}, not {to}.", result.ErrorMessage);
                refused++;
            }
        }
        Assert.Equal(6 * 6 - 7, refused);
        foreach (var (status, order) in orders)
            Assert.Equal(status, (await admin.SendAsync(new AdminQueryOrders { Id = order.Id })).Results.Single().Status);
    }

    [Fact]
    public async Task The_right_move_by_the_wrong_party_is_403()
    {
        using var customer = host.As(host.Customer);
        using var owner = host.As(host.Owner);
        using var courier = host.As(host.Courier);

        var placed = await InStatusAsync(OrderStatus.Placed);
        var selfAccept = await customer.ApiAsync(new UpdateOrderStatus { Id = placed.Id, Status = OrderStatus.Accepted });
        Assert.Equal(403, selfAccept.StatusCode);
        Assert.Equal("NotYourMove", selfAccept.ErrorCode);
        Assert.Equal($"Only the restaurant's owner (or an admin) can move order {placed.Id} from Placed to Accepted.", selfAccept.ErrorMessage);

        var accepted = await InStatusAsync(OrderStatus.Accepted);
        Assert.Equal(403, (await customer.ApiAsync(new UpdateOrderStatus { Id = accepted.Id, Status = OrderStatus.Cancelled })).StatusCode);

        var preparing = await InStatusAsync(OrderStatus.Preparing);
        Assert.Equal(403, (await owner.ApiAsync(new UpdateOrderStatus { Id = preparing.Id, Status = OrderStatus.OutForDelivery })).StatusCode);
        Assert.Equal(403, (await courier.ApiAsync(new UpdateOrderStatus { Id = preparing.Id, Status = OrderStatus.Cancelled })).StatusCode);

        var outForDelivery = await InStatusAsync(OrderStatus.OutForDelivery);
        var ownerDelivers = await owner.ApiAsync(new UpdateOrderStatus { Id = outForDelivery.Id, Status = OrderStatus.Delivered });
        Assert.Equal(403, ownerDelivers.StatusCode);
        Assert.Contains("its courier", ownerDelivers.ErrorMessage);
        // The owner cannot cancel once it left the kitchen: that move does not exist.
        Assert.Equal(409, (await owner.ApiAsync(new UpdateOrderStatus { Id = outForDelivery.Id, Status = OrderStatus.Cancelled })).StatusCode);

        foreach (var order in new[] { placed, accepted, preparing, outForDelivery })
            Assert.Equal(order.Status, (await customer.SendAsync(new QueryMyOrders { Id = order.Id })).Results.Single().Status);
    }

    [Fact]
    public async Task Another_partys_order_is_404_to_every_move()
    {
        var placed = await InStatusAsync(OrderStatus.Placed);
        using var otherCustomer = host.As(host.OtherCustomer);
        using var otherOwner = host.As(host.OtherOwner);
        using var courier = host.As(host.Courier);
        using var otherCourier = host.As(host.OtherCourier);
        Assert.Equal(404, (await otherCustomer.ApiAsync(new UpdateOrderStatus { Id = placed.Id, Status = OrderStatus.Cancelled })).StatusCode);
        Assert.Equal(404, (await otherOwner.ApiAsync(new UpdateOrderStatus { Id = placed.Id, Status = OrderStatus.Accepted })).StatusCode);
        // couriers see an order only once it is being prepared
        Assert.Equal(404, (await courier.ApiAsync(new UpdateOrderStatus { Id = placed.Id, Status = OrderStatus.Accepted })).StatusCode);
        Assert.Equal(404, (await courier.ApiAsync(new UpdateOrderStatus { Id = 999_999, Status = OrderStatus.Accepted })).StatusCode);

        var outForDelivery = await InStatusAsync(OrderStatus.OutForDelivery);
        var stolen = await otherCourier.ApiAsync(new UpdateOrderStatus { Id = outForDelivery.Id, Status = OrderStatus.Delivered });
        Assert.Equal(404, stolen.StatusCode);
        Assert.Equal($"Order {outForDelivery.Id} does not exist.", stolen.ErrorMessage);
        using var customer = host.As(host.Customer);
        Assert.Equal(OrderStatus.OutForDelivery, (await customer.SendAsync(new QueryMyOrders { Id = outForDelivery.Id })).Results.Single().Status);
    }

    [Fact]
    public async Task Concurrent_couriers_taking_one_order_exactly_one_wins()
    {
        var preparing = await InStatusAsync(OrderStatus.Preparing);
        var couriers = new[] { host.Courier, host.OtherCourier, await host.CreateUserAsync(Roles.Courier), await host.CreateUserAsync(Roles.Courier) };
        var attempts = couriers.Select(async c =>
        {
            using var client = host.As(c);
            return (Courier: c, Result: await client.ApiAsync(new UpdateOrderStatus { Id = preparing.Id, Status = OrderStatus.OutForDelivery }));
        });
        var results = await Task.WhenAll(attempts);
        var winner = Assert.Single(results, r => r.Result.Succeeded);
        Assert.All(results.Where(r => r.Result.Failed), r =>
        {
            Assert.Equal(409, r.Result.StatusCode);
            Assert.Equal("StatusChanged", r.Result.ErrorCode);
        });
        using var admin = host.As(host.Admin);
        Assert.Equal(winner.Courier.Id, (await admin.SendAsync(new AdminQueryOrders { Id = preparing.Id })).Results.Single().CourierId);
        var deliveries = (await admin.SendAsync(new AdminQueryDeliveries { OrderId = preparing.Id })).Results;
        Assert.Equal(winner.Courier.Id, Assert.Single(deliveries).CourierId);

        // Asking later is losing the same race: 409, not 404.
        using var late = host.As(await host.CreateUserAsync(Roles.Courier));
        var lateTake = await late.ApiAsync(new UpdateOrderStatus { Id = preparing.Id, Status = OrderStatus.OutForDelivery });
        Assert.Equal(409, lateTake.StatusCode);
        Assert.Equal($"Order {preparing.Id} changed meanwhile: it is OutForDelivery now, no longer Preparing (another courier took it).", lateTake.ErrorMessage);
    }

    [Fact]
    public async Task Cancelling_puts_limited_stock_back_once_and_keeps_the_reason()
    {
        var (_, menu, order) = await PlacedAsync(stock: 5, quantity: 3);
        using var owner = host.As(host.Owner);
        await Kitchen.MoveAsync(owner, order.Id, OrderStatus.Accepted);
        Assert.Equal(2, (await owner.SendAsync(new QueryMyMenuItems { Id = menu["Dumplings"].Id })).Results.Single().StockLeft);

        var cancelled = await Kitchen.MoveAsync(owner, order.Id, OrderStatus.Cancelled, "Kitchen fire");
        Assert.Equal(OrderStatus.Cancelled, cancelled.Status);
        Assert.Equal("Kitchen fire", cancelled.CancelReason);
        Assert.NotNull(cancelled.CancelledAt);
        Assert.Equal(5, (await owner.SendAsync(new QueryMyMenuItems { Id = menu["Dumplings"].Id })).Results.Single().StockLeft);
        // A second cancellation is no move at all, so the stock is not put back twice.
        Assert.Equal(409, (await owner.ApiAsync(new UpdateOrderStatus { Id = order.Id, Status = OrderStatus.Cancelled })).StatusCode);
        Assert.Equal(5, (await owner.SendAsync(new QueryMyMenuItems { Id = menu["Dumplings"].Id })).Results.Single().StockLeft);
    }

    [Fact]
    public async Task The_customer_cancels_only_while_placed_and_a_race_with_the_owner_has_one_winner()
    {
        using var customer = host.As(host.Customer);
        using var owner = host.As(host.Owner);
        var placed = await InStatusAsync(OrderStatus.Placed);
        Assert.Equal(OrderStatus.Cancelled, (await Kitchen.MoveAsync(customer, placed.Id, OrderStatus.Cancelled)).Status);

        for (var i = 0; i < 3; i++)
        {
            var (_, menu, raced) = await PlacedAsync(stock: 4, quantity: 2);
            var results = await Task.WhenAll(
                customer.ApiAsync(new UpdateOrderStatus { Id = raced.Id, Status = OrderStatus.Cancelled }),
                owner.ApiAsync(new UpdateOrderStatus { Id = raced.Id, Status = OrderStatus.Accepted }));
            Assert.Single(results, r => r.Succeeded);
            var final = (await customer.SendAsync(new QueryMyOrders { Id = raced.Id })).Results.Single();
            Assert.Equal(results[0].Succeeded ? OrderStatus.Cancelled : OrderStatus.Accepted, final.Status);
            var stock = (await owner.SendAsync(new QueryMyMenuItems { Id = menu["Dumplings"].Id })).Results.Single().StockLeft;
            Assert.Equal(final.Status == OrderStatus.Cancelled ? 4 : 2, stock);
        }
    }

    [Fact]
    public async Task An_admin_makes_any_legal_move_on_anyones_order()
    {
        using var admin = host.As(host.Admin);
        var placed = await InStatusAsync(OrderStatus.Placed);
        await Kitchen.MoveAsync(admin, placed.Id, OrderStatus.Accepted);
        await Kitchen.MoveAsync(admin, placed.Id, OrderStatus.Preparing);
        var taken = await Kitchen.MoveAsync(admin, placed.Id, OrderStatus.OutForDelivery);
        Assert.Equal(host.Admin.Id, taken.CourierId);
        Assert.Equal(OrderStatus.Delivered, (await Kitchen.MoveAsync(admin, placed.Id, OrderStatus.Delivered)).Status);
    }

    [Fact]
    public async Task A_move_needs_a_status_and_a_signed_in_caller()
    {
        var placed = await InStatusAsync(OrderStatus.Placed);
        using var owner = host.As(host.Owner);
        var missing = await owner.ApiAsync(new UpdateOrderStatus { Id = placed.Id });
        Assert.Equal(400, missing.StatusCode);
        Assert.Equal("NotNull", missing.FieldError("Status")?.ErrorCode);
        using var anonymous = host.CreateClient();
        Assert.Equal(401, (await anonymous.ApiAsync(new UpdateOrderStatus { Id = placed.Id, Status = OrderStatus.Accepted })).StatusCode);
    }
}

[Collection(SqliteApp.Name)]
public class SqliteOrderWorkflowTests(SqliteMyAppFixture host) : OrderWorkflowTests<SqliteMyAppFixture>(host);

[Collection(PostgreSqlApp.Name)]
public class PostgreSqlOrderWorkflowTests(PostgreSqlMyAppFixture host) : OrderWorkflowTests<PostgreSqlMyAppFixture>(host);
