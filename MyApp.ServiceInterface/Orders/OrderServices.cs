using BaaS;
using BaaS.Auth;
using BaaS.Data;
using BaaS.Jobs;
using MyApp.ServiceInterface.Jobs;
using MyApp.ServiceModel;

namespace MyApp.ServiceInterface;

/// <summary>Placing orders: what attributes cannot say (the menu's prices, stock, the customer from the token).</summary>
public class OrderServices(TimeProvider clock, IBackgroundJobs jobs, OrderEvents events) : Service
{
    /// <summary>The most of one dish in one order.</summary>
    public const int MaxQuantity = 50;

    /// <summary>
    /// Places an order: the dishes wanted, from an open restaurant's available menu, delivered to the caller; the stock
    /// taken, the order saved and the confirmation and the restaurant's notice queued in one transaction.
    /// </summary>
    public async Task<Order> Post(PlaceOrder request)
    {
        var customerId = Caller.Id(User);
        var wanted = WantedDishes(request);
        var db = await OpenDbAsync();
        var restaurant = await OpenRestaurantAsync(db, request.RestaurantId);
        var menu = await AvailableDishesAsync(db, restaurant, wanted);
        var (customerName, address) = await DeliverToAsync(db, customerId, request.DeliveryAddress);
        var items = wanted.Select(w => new OrderItem
        {
            MenuItemId = w.MenuItemId,
            Name = menu[w.MenuItemId].Name,
            UnitPrice = menu[w.MenuItemId].Price,
            Quantity = w.Quantity,
            LineTotal = menu[w.MenuItemId].Price * w.Quantity,
        }).ToList();
        var order = NewOrder(restaurant, customerId, customerName, address, items);
        await SaveAsync(db, order, items, wanted, menu, restaurant);
        order.Items = items;
        await events.PlacedAsync(order, CancellationToken); // the owner's restaurant channel, live
        return order;
    }

    /// <summary>
    /// The dishes wanted and how many of each: the same dish on several lines counts as one line. Each line is checked
    /// before anything is added up, and the sums are checked too: two lines of 2,147,483,647 are a 400, not an overflow.
    /// </summary>
    private static List<(int MenuItemId, int Quantity)> WantedDishes(PlaceOrder request)
    {
        foreach (var line in request.Items)
        {
            if (line.Quantity is < 1 or > MaxQuantity)
                throw OutOfRange(line.MenuItemId);
        }
        var wanted = request.Items.GroupBy(i => i.MenuItemId)
            .Select(g => (MenuItemId: g.Key, Quantity: g.Sum(i => (long)(i.Quantity ?? 1)))).ToList();
        foreach (var (menuItemId, quantity) in wanted)
        {
            if (quantity is < 1 or > MaxQuantity) throw OutOfRange(menuItemId);
        }
        return [.. wanted.Select(w => (w.MenuItemId, checked((int)w.Quantity)))];
    }

    private static HttpError OutOfRange(int menuItemId) =>
        HttpError.Validation(nameof(PlaceOrder.Items), "OutOfRange", $"The quantity of menu item {menuItemId} must be between 1 and {MaxQuantity}.");

    /// <summary>The restaurant, if it exists and is open.</summary>
    private async Task<Restaurant> OpenRestaurantAsync(DataConnection db, int restaurantId)
    {
        var restaurant = await db.SingleAsync<Restaurant>(r => r.Id == restaurantId && r.DeletedDate == null, CancellationToken)
            ?? throw HttpError.NotFound($"Restaurant {restaurantId} does not exist.");
        if (!restaurant.IsOpen)
            throw HttpError.Conflict($"{restaurant.Name} is closed and not taking orders.", "RestaurantClosed");
        return restaurant;
    }

    /// <summary>The wanted dishes from the restaurant's menu, by id; each must be on it and available.</summary>
    private async Task<Dictionary<int, MenuItem>> AvailableDishesAsync(DataConnection db, Restaurant restaurant, List<(int MenuItemId, int Quantity)> wanted)
    {
        var ids = wanted.Select(w => w.MenuItemId).ToList();
        var menu = (await db.SelectAsync<MenuItem>(m => m.RestaurantId == restaurant.Id && ids.Contains(m.Id) && m.DeletedDate == null, CancellationToken))
            .ToDictionary(m => m.Id);
        var notOnMenu = ids.Where(id => !menu.ContainsKey(id)).ToList();
        if (notOnMenu.Count > 0)
            throw HttpError.Validation(nameof(PlaceOrder.Items), "NotOnMenu", $"{restaurant.Name} has no menu item {string.Join(", ", notOnMenu)}.");
        var unavailable = wanted.Select(w => menu[w.MenuItemId]).FirstOrDefault(m => !m.IsAvailable);
        if (unavailable is not null)
            throw HttpError.Conflict($"{unavailable.Name} is not available right now.", "ItemUnavailable");
        return menu;
    }

    /// <summary>
    /// Who the order is for and where it goes: from the signed-in user and their profile, never from the request's other
    /// fields; the request's address, else the profile's default.
    /// </summary>
    private async Task<(string Name, string Address)> DeliverToAsync(DataConnection db, Guid customerId, string? requestedAddress)
    {
        var profile = await db.SingleAsync<CustomerProfile>(p => p.UserId == customerId, CancellationToken);
        var address = string.IsNullOrWhiteSpace(requestedAddress) ? profile?.DefaultAddress : requestedAddress.Trim();
        if (string.IsNullOrWhiteSpace(address))
            throw HttpError.Validation(nameof(PlaceOrder.DeliveryAddress), "Required",
                "Send a delivery address, or give your profile a default address (CreateMyProfile / PatchMyProfile).");
        var user = await db.SingleByIdAsync<BaaSUser>(customerId, CancellationToken);
        var name = profile?.DisplayName is { Length: > 0 } displayName ? displayName
            : user?.DisplayName is { Length: > 0 } userDisplayName ? userDisplayName
            : User.GetUserName() ?? "";
        return (name, address);
    }

    /// <summary>The order as placed now: totals from the menu's prices, delivery estimated from the dishes.</summary>
    private Order NewOrder(Restaurant restaurant, Guid customerId, string customerName, string address, List<OrderItem> items)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var order = new Order
        {
            RestaurantId = restaurant.Id,
            CustomerId = customerId,
            OwnerId = restaurant.OwnerId,
            CustomerName = customerName.Length > 100 ? customerName[..100] : customerName,
            DeliveryAddress = address,
            Status = OrderStatus.Placed,
            Subtotal = items.Sum(i => i.LineTotal),
            DeliveryFee = restaurant.DeliveryFee,
            PlacedAt = now,
            EstimatedDeliveryAt = EstimateDelivery(now, restaurant.DeliveryMinutes, items.Sum(i => i.Quantity)),
        };
        order.Total = order.Subtotal + order.DeliveryFee;
        return order;
    }

    /// <summary>
    /// Takes the stock of the dishes that count it, saves the order and its lines and queues its notices, all or nothing:
    /// in the request's transaction when it has one (an Idempotency-Key call stores its answer in it), else in its own.
    /// </summary>
    private async Task SaveAsync(DataConnection db, Order order, List<OrderItem> items, List<(int MenuItemId, int Quantity)> wanted,
        Dictionary<int, MenuItem> menu, Restaurant restaurant)
    {
        await using var transaction = db.Transaction is null ? await db.OpenTransactionAsync(CancellationToken) : null;
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
        await QueueNoticesAsync(db, order, restaurant);
        if (transaction is not null) await transaction.CommitAsync(CancellationToken);
    }

    /// <summary>
    /// Queues the customer's confirmation and the restaurant's notice in the order's transaction: they exist exactly when
    /// the order does (in the jobs' database when it is the app's, else through the app database's outbox).
    /// </summary>
    private async Task QueueNoticesAsync(DataConnection db, Order order, Restaurant restaurant)
    {
        #region snippet:jobs-place-order
        var notice = new OrderNotice { OrderId = order.Id, RestaurantId = restaurant.Id };
        var inOrder = jobs.InTransaction(db); // the order's open transaction: the jobs commit or roll back with it
        await inOrder.EnqueueCommandAsync<SendOrderConfirmationCommand>(notice,
            new JobOptions { Tag = $"order-{order.Id}", RetryLimit = 5 }, CancellationToken);
        await inOrder.EnqueueCommandAsync<NotifyRestaurantCommand>(notice,
            new JobOptions { Tag = $"order-{order.Id}", Worker = $"restaurant-{restaurant.Id}" }, CancellationToken);
        #endregion
    }

    /// <summary>The restaurant's usual time, plus two minutes of kitchen time per dish.</summary>
    public static DateTime EstimateDelivery(DateTime placedAt, int deliveryMinutes, int dishes) =>
        placedAt.AddMinutes(deliveryMinutes + 2 * dishes);
}
