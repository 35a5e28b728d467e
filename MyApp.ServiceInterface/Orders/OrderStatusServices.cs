using BaaS;
using BaaS.Auth;
using BaaS.Data;
using MyApp.ServiceModel;

namespace MyApp.ServiceInterface;

/// <summary>
/// The order status workflow (<see cref="OrderWorkflow"/>). Every move is one conditional UPDATE on the status the
/// order had when it was read, so of two parties racing to move an order (two couriers taking it, a customer cancelling
/// while the owner accepts) exactly one wins and the other gets 409 with the order's new status.
/// </summary>
public class OrderStatusServices(TimeProvider clock, OrderEvents events) : Service
{
    public async Task<Order> Post(UpdateOrderStatus request)
    {
        var me = Caller.Id(User);
        var target = request.Status!.Value;
        var isAdmin = User.HasRole(Roles.Admin);
        var db = await OpenDbAsync();
        var order = await db.SingleByIdAsync<Order>(request.Id, CancellationToken);

        // Another party's order does not exist for the caller. One exception: a courier who asks to take an order
        // another courier took (it was in every courier's pool) is told it is gone, as the loser of a race is.
        var parties = order is null ? [] : PartiesOf(order, me);
        if (order is { CourierId: { } courier } && courier != me && !isAdmin && target == OrderStatus.OutForDelivery && User.HasRole(Roles.Courier))
            throw Changed(order.Id, OrderStatus.Preparing, order.Status, target);
        if (order is null || (parties.Count == 0 && !isAdmin))
            throw HttpError.NotFound($"Order {request.Id} does not exist.");

        if (!OrderWorkflow.IsLegal(order.Status, target))
            throw HttpError.Conflict(OrderWorkflow.IllegalMoveMessage(order.Id, order.Status, target), "IllegalTransition");
        var allowed = OrderWorkflow.PartiesFor(order.Status, target);
        if (!isAdmin && !allowed.Any(parties.Contains))
            throw HttpError.Forbidden($"Only {Describe(allowed, order.Status)} can move order {order.Id} from {order.Status} to {target}.", "NotYourMove");

        var now = clock.GetUtcNow().UtcDateTime;
        var moved = await MoveAsync(db, order, target, me, request.Reason, now);
        if (!moved)
        {
            var current = await db.SingleByIdAsync<Order>(order.Id, CancellationToken);
            throw Changed(order.Id, order.Status, current?.Status, target);
        }
        var after = (await db.LoadSingleByIdAsync<Order>(order.Id, CancellationToken))!;
        // Everyone following the order hears of it live; couriers get a Preparing order's pickup address.
        var restaurant = target == OrderStatus.Preparing ? await db.SingleByIdAsync<Restaurant>(order.RestaurantId, CancellationToken) : null;
        await events.MovedAsync(after, order.Status, request.Reason, now, restaurant, CancellationToken);
        return after;
    }

    /// <summary>409 for a move that lost a race: "Order 7 changed meanwhile: it is OutForDelivery now, no longer Preparing (another courier took it)."</summary>
    private static HttpError Changed(int orderId, OrderStatus was, OrderStatus? now, OrderStatus target) =>
        HttpError.Conflict(
            $"Order {orderId} changed meanwhile: it is {now?.ToString() ?? "gone"} now, no longer {was}" +
            (target == OrderStatus.OutForDelivery && now is OrderStatus.OutForDelivery or OrderStatus.Delivered ? " (another courier took it)." : "."),
            "StatusChanged");

    /// <summary>How the caller relates to the order: its customer, its restaurant's owner, a courier who may take or has it.</summary>
    private List<OrderParty> PartiesOf(Order order, Guid me)
    {
        var parties = new List<OrderParty>(3);
        if (order.CustomerId == me) parties.Add(OrderParty.Customer);
        if (order.OwnerId == me && User.HasRole(Roles.Owner)) parties.Add(OrderParty.Owner);
        if (User.HasRole(Roles.Courier) &&
            (order.CourierId == me || (order.Status == OrderStatus.Preparing && order.CourierId is null)))
            parties.Add(OrderParty.Courier);
        return parties;
    }

    private static string Describe(IReadOnlyList<OrderParty> parties, OrderStatus from) =>
        string.Join(" or ", parties.Select(p => p switch
        {
            OrderParty.Owner => "the restaurant's owner",
            OrderParty.Customer => "the customer",
            _ when from == OrderStatus.OutForDelivery => "its courier",
            _ => "a courier",
        })) + " (or an admin)";

    /// <summary>Makes the move if the order is still in the status it was read in; false when someone else moved it first.</summary>
    private async Task<bool> MoveAsync(DataConnection db, Order order, OrderStatus target, Guid me, string? reason, DateTime now)
    {
        var id = order.Id;
        var from = order.Status;
        var ct = CancellationToken;
        switch (target)
        {
            case OrderStatus.Cancelled:
                return await OrderCancellation.CancelAsync(db, id, from, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), now, ct);
            case OrderStatus.Accepted:
                // UPDATE "order" SET status = 'Accepted', accepted_at = @p0 WHERE id = @p1 AND status = 'Placed'
                return await db.UpdateOnlyAsync(() => new Order { Status = target, AcceptedAt = now }, where: o => o.Id == id && o.Status == from, ct: ct) == 1;
            case OrderStatus.OutForDelivery:
            {
                await using var transaction = await db.OpenTransactionAsync(ct);
                // UPDATE "order" SET status = 'OutForDelivery', courier_id = @p0 WHERE id = @p1 AND status = 'Preparing' AND courier_id IS NULL
                var taken = await db.UpdateOnlyAsync(() => new Order { Status = target, CourierId = me },
                    where: o => o.Id == id && o.Status == from && o.CourierId == null, ct: ct);
                if (taken == 0) return false;
                var restaurant = await db.SingleByIdAsync<Restaurant>(order.RestaurantId, ct);
                await db.InsertAsync(new Delivery
                {
                    OrderId = id,
                    CourierId = me,
                    RestaurantId = order.RestaurantId,
                    PickupAddress = restaurant is null ? "" : $"{restaurant.Name}, {restaurant.Address}".TrimEnd(',', ' '),
                    DropoffAddress = order.DeliveryAddress,
                    PickedUpAt = now,
                }, ct);
                await transaction.CommitAsync(ct);
                return true;
            }
            case OrderStatus.Delivered:
            {
                await using var transaction = await db.OpenTransactionAsync(ct);
                var delivered = await db.UpdateOnlyAsync(() => new Order { Status = target, DeliveredAt = now },
                    where: o => o.Id == id && o.Status == from, ct: ct);
                if (delivered == 0) return false;
                await db.UpdateOnlyAsync(() => new Delivery { DeliveredAt = now }, where: d => d.OrderId == id, ct: ct);
                await transaction.CommitAsync(ct);
                return true;
            }
            default:
                return await db.UpdateOnlyAsync(() => new Order { Status = target }, where: o => o.Id == id && o.Status == from, ct: ct) == 1;
        }
    }
}
