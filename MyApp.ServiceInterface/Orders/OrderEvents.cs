using BaaS;
using BaaS.Auth;
using BaaS.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MyApp.ServiceModel;

namespace MyApp.ServiceInterface;

/// <summary>
/// MyApp's server events: the channels, who may join them, and what is published when an order is placed or moves.
/// Published after the change committed; an event that cannot be sent (the bus is away) is logged, never turns a
/// change that happened into an error (clients catch up by reading the order).
/// </summary>
public sealed partial class OrderEvents(IServerEvents events, ILogger<OrderEvents> logger)
{
    /// <summary>Every courier: orders ready for pickup, and those that left the pool.</summary>
    public const string Couriers = "couriers";

    /// <summary>One order's channel: its customer, its restaurant's owner and its courier may join.</summary>
    public static string OrderChannel(int orderId) => $"order-{orderId}";

    /// <summary>One restaurant's channel: its owner may join (new orders, every move of its orders).</summary>
    public static string RestaurantChannel(int restaurantId) => $"restaurant-{restaurantId}";

    /// <summary>Declares the channels and the event types (called by Configure.ServerEvents.cs).</summary>
    public static void Declare(ServerEventsOptions options)
    {
        options.Channel("order-*").Allow(access => IsPartyOfOrderAsync(access));
        options.Channel("restaurant-*").Allow(access => OwnsRestaurantAsync(access));
        options.Channel(Couriers).AllowRoles(Roles.Courier);
        options.AddEventType<OrderStatusChanged>().AddEventType<NewOrder>().AddEventType<OrderReadyForPickup>();
    }

    /// <summary>The order's customer, its restaurant's owner, its courier, or an admin.</summary>
    private static async ValueTask<bool> IsPartyOfOrderAsync(ChannelAccessContext access)
    {
        if (access.User.HasRole(Roles.Admin)) return true;
        if (!int.TryParse(access.Wildcard, out var orderId) || !Guid.TryParse(access.UserId, out var me)) return false;
        await using var db = await access.Services.GetRequiredService<IDbConnectionFactory>().OpenAsync(access.CancellationToken);
        var order = await db.SingleByIdAsync<Order>(orderId, access.CancellationToken);
        return order is not null && (order.CustomerId == me || order.OwnerId == me || order.CourierId == me);
    }

    /// <summary>The restaurant's owner, or an admin.</summary>
    private static async ValueTask<bool> OwnsRestaurantAsync(ChannelAccessContext access)
    {
        if (access.User.HasRole(Roles.Admin)) return true;
        if (!int.TryParse(access.Wildcard, out var restaurantId) || !Guid.TryParse(access.UserId, out var me)) return false;
        await using var db = await access.Services.GetRequiredService<IDbConnectionFactory>().OpenAsync(access.CancellationToken);
        var restaurant = await db.SingleByIdAsync<Restaurant>(restaurantId, access.CancellationToken);
        return restaurant is not null && restaurant.OwnerId == me;
    }

    /// <summary>A new order: its restaurant's owner hears of it.</summary>
    public Task PlacedAsync(Order order, CancellationToken ct) =>
        SendAsync(order.Id, async () => await events.NotifyChannelAsync(RestaurantChannel(order.RestaurantId), new NewOrder
        {
            OrderId = order.Id,
            RestaurantId = order.RestaurantId,
            CustomerName = order.CustomerName,
            DeliveryAddress = order.DeliveryAddress,
            Dishes = order.Items.Sum(i => i.Quantity),
            Total = order.Total,
            PlacedAt = order.PlacedAt,
        }, ct));

    /// <summary>
    /// An order moved from <paramref name="from"/> to <paramref name="order"/>'s status: the order's and the restaurant's
    /// channels hear it; couriers hear of an order ready for pickup, and of one that left their pool.
    /// </summary>
    public Task MovedAsync(Order order, OrderStatus from, string? reason, DateTime at, Restaurant? restaurant, CancellationToken ct) =>
        SendAsync(order.Id, async () =>
        {
            var changed = new OrderStatusChanged
            {
                OrderId = order.Id, RestaurantId = order.RestaurantId, Status = order.Status, PreviousStatus = from, Reason = reason, At = at,
            };
            await events.NotifyChannelAsync(OrderChannel(order.Id), changed, ct);
            await events.NotifyChannelAsync(RestaurantChannel(order.RestaurantId), changed, ct);
            if (order.Status == OrderStatus.Preparing && order.CourierId is null)
                await events.NotifyChannelAsync(Couriers, new OrderReadyForPickup
                {
                    OrderId = order.Id,
                    RestaurantId = order.RestaurantId,
                    RestaurantName = restaurant?.Name ?? "",
                    PickupAddress = restaurant?.Address ?? "",
                    DropoffAddress = order.DeliveryAddress,
                }, ct);
            else if (from == OrderStatus.Preparing)
                await events.NotifyChannelAsync(Couriers, changed, ct); // taken by a courier, or cancelled: off the pool
        });

    private async Task SendAsync(int orderId, Func<Task> send)
    {
        try
        {
            await send();
        }
        catch (ServerEventsUnavailableException e)
        {
            LogNotSent(logger, orderId, e.Message);
        }
    }

    [LoggerMessage(EventId = 5100, Level = LogLevel.Warning, Message = "The server events of order {OrderId} were not sent: {Reason}")]
    private static partial void LogNotSent(ILogger logger, int orderId, string reason);
}
