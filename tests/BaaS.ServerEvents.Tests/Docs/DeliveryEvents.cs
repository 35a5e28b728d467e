using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace BaaS.ServerEvents.Tests.Docs;

// The examples of docs/server-events.md, compiled here and run by DeliveryEventsDocTests.

public static class DeliveryRoles
{
    public const string Courier = "Courier";
    public const string Owner = "Owner";
}

/// <summary>Who owns which restaurant and whose order is whose (an app would read its tables).</summary>
public sealed class DeliveryDirectory
{
    public ValueTask<bool> IsCustomerOrCourierAsync(string? userId, string orderId, CancellationToken ct) =>
        ValueTask.FromResult(userId is not null && (orderId, userId) is ("5", "ann") or ("5", "cara"));

    public ValueTask<bool> OwnsRestaurantAsync(string? userId, string restaurantId, CancellationToken ct) =>
        ValueTask.FromResult((restaurantId, userId) is ("7", "olive"));
}

/// <summary>An order's new status, pushed to whoever follows the order.</summary>
public class DeliveryStatusChanged
{
    public int OrderId { get; set; }
    public string Status { get; set; } = "";
}

/// <summary>Told to every courier when an order can be picked up.</summary>
public class ReadyForPickup
{
    public int OrderId { get; set; }
    public int RestaurantId { get; set; }
}

public class AcceptDeliveryOrder : IPost, IReturn<EmptyResponse>
{
    public int OrderId { get; set; }
    public string CustomerId { get; set; } = "";
}

public static class DeliveryEventsSetup
{
    public static void ConfigureServices(WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DeliveryDirectory>();
        #region snippet:server-events-register
        builder.Services.AddServerEvents(events =>
        {
            events.Channel("announcements").AllowAnyone();
            events.Channel("couriers").AllowRoles(DeliveryRoles.Courier);
            // order-5: the order's customer and courier; restaurant-7: its owner.
            events.Channel("order-*").Allow(access => access.Services.GetRequiredService<DeliveryDirectory>()
                .IsCustomerOrCourierAsync(access.UserId, access.Wildcard, access.CancellationToken));
            events.Channel("restaurant-*").Allow(access => access.Services.GetRequiredService<DeliveryDirectory>()
                .OwnsRestaurantAsync(access.UserId, access.Wildcard, access.CancellationToken));
            events.AddEventType<DeliveryStatusChanged>().AddEventType<ReadyForPickup>();
        });
        #endregion
    }
}

#region snippet:server-events-publish
public class DeliveryServices(IServerEvents events) : Service
{
    public async Task<EmptyResponse> Post(AcceptDeliveryOrder request)
    {
        // ... the order is accepted in the database ...
        var changed = new DeliveryStatusChanged { OrderId = request.OrderId, Status = "Accepted" };
        await events.NotifyChannelAsync($"order-{request.OrderId}", changed, CancellationToken);  // order-5@cmd.DeliveryStatusChanged
        await events.NotifyUserAsync(request.CustomerId, changed, cancellationToken: CancellationToken); // every tab of the customer
        await events.NotifyChannelAsync("couriers", new ReadyForPickup { OrderId = request.OrderId, RestaurantId = 7 }, CancellationToken);
        return new EmptyResponse();
    }
}
#endregion
