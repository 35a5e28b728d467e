using BaaS;
using BaaS.Data;
using BaaS.Jobs;
using MyApp.ServiceInterface.Jobs;
using MyApp.ServiceModel;

namespace MyApp.ServiceInterface;

/// <summary>Placing and reading orders.</summary>
public class OrderServices(TimeProvider clock, IBackgroundJobs jobs) : Service
{
    /// <summary>The most of one dish in one order.</summary>
    public const int MaxQuantity = 50;

    public async Task<Order> Post(PlaceOrder request)
    {
        if (request.Items.Count == 0)
            throw HttpError.Validation(nameof(request.Items), "NotEmpty", "An order needs at least one item.");
        // The same dish on several lines counts as one line.
        var wanted = request.Items.GroupBy(i => i.MenuItemId).Select(g => (MenuItemId: g.Key, Quantity: g.Sum(i => i.Quantity))).ToList();
        foreach (var (menuItemId, quantity) in wanted)
        {
            if (quantity is < 1 or > MaxQuantity)
                throw HttpError.Validation(nameof(request.Items), "OutOfRange", $"The quantity of menu item {menuItemId} must be between 1 and {MaxQuantity}.");
        }

        var db = await OpenDbAsync();
        var restaurant = await db.SingleByIdAsync<Restaurant>(request.RestaurantId, CancellationToken)
            ?? throw HttpError.NotFound($"Restaurant {request.RestaurantId} does not exist.");
        if (!restaurant.IsOpen)
            throw HttpError.Conflict($"{restaurant.Name} is closed and not taking orders.", "RestaurantClosed");

        var ids = wanted.Select(w => w.MenuItemId).ToList();
        var menu = (await db.SelectAsync<MenuItem>(m => m.RestaurantId == restaurant.Id && ids.Contains(m.Id), CancellationToken))
            .ToDictionary(m => m.Id);
        var notOnMenu = ids.Where(id => !menu.ContainsKey(id)).ToList();
        if (notOnMenu.Count > 0)
            throw HttpError.Validation(nameof(request.Items), "NotOnMenu", $"{restaurant.Name} has no menu item {string.Join(", ", notOnMenu)}.");
        var unavailable = wanted.Select(w => menu[w.MenuItemId]).FirstOrDefault(m => !m.IsAvailable);
        if (unavailable is not null)
            throw HttpError.Conflict($"{unavailable.Name} is not available right now.", "ItemUnavailable");

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
            CustomerName = request.CustomerName.Trim(),
            DeliveryAddress = request.DeliveryAddress.Trim(),
            Status = OrderStatus.Placed,
            Subtotal = items.Sum(i => i.LineTotal),
            DeliveryFee = restaurant.DeliveryFee,
            PlacedAt = now,
            EstimatedDeliveryAt = now.AddMinutes(restaurant.DeliveryMinutes + 2 * items.Sum(i => i.Quantity)),
        };
        order.Total = order.Subtotal + order.DeliveryFee;

        await using var transaction = db.OpenTransaction();
        foreach (var (menuItemId, quantity) in wanted.Where(w => menu[w.MenuItemId].StockLeft is not null))
        {
            // Take the stock only if enough is left, in one statement: of two orders racing for the last unit, one wins.
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

    public async Task<Order> Get(GetOrder request)
    {
        var db = await OpenDbAsync();
        return await db.LoadSingleByIdAsync<Order>(request.Id, CancellationToken)
            ?? throw HttpError.NotFound($"Order {request.Id} does not exist.");
    }
}
