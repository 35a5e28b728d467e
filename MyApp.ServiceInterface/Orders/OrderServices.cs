using BaaS;
using BaaS.Auth;
using BaaS.Data;
using BaaS.Jobs;
using MyApp.ServiceInterface.Jobs;
using MyApp.ServiceModel;

namespace MyApp.ServiceInterface;

/// <summary>Placing orders: what attributes cannot say (the menu's prices, stock, the customer from the token).</summary>
public class OrderServices(TimeProvider clock, IBackgroundJobs jobs) : Service
{
    /// <summary>The most of one dish in one order.</summary>
    public const int MaxQuantity = 50;

    public async Task<Order> Post(PlaceOrder request)
    {
        var customerId = Caller.Id(User);
        // The same dish on several lines counts as one line.
        var wanted = request.Items.GroupBy(i => i.MenuItemId).Select(g => (MenuItemId: g.Key, Quantity: g.Sum(i => i.Quantity ?? 1))).ToList();
        foreach (var (menuItemId, quantity) in wanted)
        {
            if (quantity is < 1 or > MaxQuantity)
                throw HttpError.Validation(nameof(request.Items), "OutOfRange", $"The quantity of menu item {menuItemId} must be between 1 and {MaxQuantity}.");
        }

        var db = await OpenDbAsync();
        var restaurant = await db.SingleAsync<Restaurant>(r => r.Id == request.RestaurantId && r.DeletedDate == null, CancellationToken)
            ?? throw HttpError.NotFound($"Restaurant {request.RestaurantId} does not exist.");
        if (!restaurant.IsOpen)
            throw HttpError.Conflict($"{restaurant.Name} is closed and not taking orders.", "RestaurantClosed");

        var ids = wanted.Select(w => w.MenuItemId).ToList();
        var menu = (await db.SelectAsync<MenuItem>(m => m.RestaurantId == restaurant.Id && ids.Contains(m.Id) && m.DeletedDate == null, CancellationToken))
            .ToDictionary(m => m.Id);
        var notOnMenu = ids.Where(id => !menu.ContainsKey(id)).ToList();
        if (notOnMenu.Count > 0)
            throw HttpError.Validation(nameof(request.Items), "NotOnMenu", $"{restaurant.Name} has no menu item {string.Join(", ", notOnMenu)}.");
        var unavailable = wanted.Select(w => menu[w.MenuItemId]).FirstOrDefault(m => !m.IsAvailable);
        if (unavailable is not null)
            throw HttpError.Conflict($"{unavailable.Name} is not available right now.", "ItemUnavailable");

        // Who and where come from the signed-in user and their profile, never from the request's other fields.
        var profile = await db.SingleAsync<CustomerProfile>(p => p.UserId == customerId, CancellationToken);
        var address = string.IsNullOrWhiteSpace(request.DeliveryAddress) ? profile?.DefaultAddress : request.DeliveryAddress.Trim();
        if (string.IsNullOrWhiteSpace(address))
            throw HttpError.Validation(nameof(request.DeliveryAddress), "Required",
                "Send a delivery address, or give your profile a default address (CreateMyProfile / PatchMyProfile).");
        var user = await db.SingleByIdAsync<BaaSUser>(customerId, CancellationToken);
        var name = profile?.DisplayName is { Length: > 0 } displayName ? displayName
            : user?.DisplayName is { Length: > 0 } userDisplayName ? userDisplayName
            : User.GetUserName() ?? "";

        var now = clock.GetUtcNow().UtcDateTime;
        var items = wanted.Select(w => new OrderItem
        {
            MenuItemId = w.MenuItemId,
            Name = menu[w.MenuItemId].Name,
            UnitPrice = menu[w.MenuItemId].Price,
            Quantity = w.Quantity,
            LineTotal = menu[w.MenuItemId].Price * w.Quantity,
        }).ToList();
        var order = new Order
        {
            RestaurantId = restaurant.Id,
            CustomerId = customerId,
            OwnerId = restaurant.OwnerId,
            CustomerName = name.Length > 100 ? name[..100] : name,
            DeliveryAddress = address,
            Status = OrderStatus.Placed,
            Subtotal = items.Sum(i => i.LineTotal),
            DeliveryFee = restaurant.DeliveryFee,
            PlacedAt = now,
            EstimatedDeliveryAt = EstimateDelivery(now, restaurant.DeliveryMinutes, items.Sum(i => i.Quantity)),
        };
        order.Total = order.Subtotal + order.DeliveryFee;

        await using (var transaction = await db.OpenTransactionAsync(CancellationToken))
        {
            foreach (var (menuItemId, quantity) in wanted.Where(w => menu[w.MenuItemId].StockLeft is not null))
            {
                // Take the stock only if enough is left, in one statement: of two orders racing for the last unit, one wins.
                // UPDATE menu_item SET stock_left = stock_left + @p0 WHERE id = @p1 AND stock_left >= @p2
                var taken = await db.UpdateAddAsync(() => new MenuItem { StockLeft = -quantity },
                    m => m.Id == menuItemId && m.StockLeft >= quantity, CancellationToken);
                if (taken == 0)
                    throw HttpError.Conflict($"Not enough {menu[menuItemId].Name} left for {quantity}.", "SoldOut");
            }
            await db.InsertAsync(order, CancellationToken);
            foreach (var item in items)
            {
                item.OrderId = order.Id;
                await db.InsertAsync(item, CancellationToken); // one by one: the answer carries each line's id
            }
            await transaction.CommitAsync(CancellationToken);
        }

        // Queued once the order surely exists (the jobs have their own database), and not cancelled with the request:
        // a caller who hangs up now still has an order, so it still gets its email.
        #region snippet:jobs-place-order
        var notice = new OrderNotice { OrderId = order.Id, RestaurantId = restaurant.Id };
        await jobs.EnqueueCommandAsync<SendOrderConfirmationCommand>(notice,
            new JobOptions { Tag = $"order-{order.Id}", RetryLimit = 5 }, CancellationToken.None);
        await jobs.EnqueueCommandAsync<NotifyRestaurantCommand>(notice,
            new JobOptions { Tag = $"order-{order.Id}", Worker = $"restaurant-{restaurant.Id}" }, CancellationToken.None);
        #endregion

        order.Items = items;
        return order;
    }

    /// <summary>The restaurant's usual time, plus two minutes of kitchen time per dish.</summary>
    public static DateTime EstimateDelivery(DateTime placedAt, int deliveryMinutes, int dishes) =>
        placedAt.AddMinutes(deliveryMinutes + 2 * dishes);
}
