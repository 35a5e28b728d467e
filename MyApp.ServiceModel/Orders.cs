using BaaS;
using BaaS.DataAnnotations;

namespace MyApp.ServiceModel;

/// <summary>
/// Places an order for the signed-in customer. Prices come from the menu, never from the caller; the order and its
/// lines are written in one transaction. Without a delivery address, the customer's profile address is used.
/// </summary>
[Tag("Orders", Icon = "receipt"), Route("/orders", "POST"), ValidateIsAuthenticated, ApiKeyScope(ApiScopes.OrdersWrite)]
[RateLimit(10, "00:01:00", Partition = RateLimitPartition.User)]
[InvalidateResponses(typeof(MenuItem))] // limited dishes show the stock left
public class PlaceOrder : IReturn<Order>, IPost
{
    [ValidateGreaterThan(0), References(typeof(Restaurant))]
    public int RestaurantId { get; set; }

    /// <summary>Where to deliver; the profile's default address when left out.</summary>
    [ValidateMaximumLength(200)]
    public string? DeliveryAddress { get; set; }

    /// <summary>The dishes, 1 to 100 lines.</summary>
    [ValidateNotEmpty, ValidateMaxItems(100)]
    public List<OrderLine> Items { get; set; } = [];
}

/// <summary>A dish and how many (1 to 50).</summary>
public class OrderLine
{
    [References(typeof(MenuItem))]
    public int MenuItemId { get; set; }

    /// <summary>How many (1 to 50); 1 when left out.</summary>
    public int? Quantity { get; set; }
}

/// <summary>
/// Moves an order along: Placed -> Accepted -> Preparing -> OutForDelivery -> Delivered, or Cancelled. The
/// restaurant's owner accepts, prepares and cancels (until it leaves the kitchen); a courier takes a Preparing order
/// (OutForDelivery) and delivers it; the customer cancels while it is Placed; an admin makes any legal move. An
/// illegal move is 409 naming the current status and the next ones; the right move by the wrong party is 403;
/// another party's order is 404.
/// </summary>
[Tag("Orders", Icon = "receipt"), Route("/orders/{Id}/status", "POST"), ValidateIsAuthenticated, ApiKeyScope(ApiScopes.OrdersWrite)]
[InvalidateResponses(typeof(MenuItem))] // a cancellation puts limited stock back
public class UpdateOrderStatus : IReturn<Order>, IPost
{
    public int Id { get; set; }

    /// <summary>The status to move to.</summary>
    [ValidateNotNull]
    public OrderStatus? Status { get; set; }

    /// <summary>Why, for a cancellation.</summary>
    [ValidateMaximumLength(500), Input(Type = "textarea", Rows = 2)]
    public string? Reason { get; set; }
}

/// <summary>The caller's own orders with their lines, newest first. Any signed-in user.</summary>
[Tag("Orders", Icon = "receipt"), Route("/my/orders", "GET")]
[ValidateIsAuthenticated, AutoFilter(nameof(Order.CustomerId), Eval = "userAuthId"), ApiKeyScope(ApiScopes.OrdersRead)]
public class QueryMyOrders : QueryDb<Order>
{
    public int? Id { get; set; }

    public OrderStatus? Status { get; set; }

    /// <inheritdoc />
    public override string? OrderBy { get; set; } = "-Id";
}

/// <summary>Orders placed with the caller's restaurants, newest first. Owners.</summary>
[Tag("Orders", Icon = "receipt"), Route("/my/restaurant-orders", "GET")]
[ValidateHasRole(Roles.Owner), AutoFilter(nameof(Order.OwnerId), Eval = "userAuthId"), ApiKeyScope(ApiScopes.OrdersRead)]
public class QueryRestaurantOrders : QueryDb<Order>
{
    public int? Id { get; set; }

    public int? RestaurantId { get; set; }

    public OrderStatus? Status { get; set; }

    public List<OrderStatus>? StatusIn { get; set; }

    /// <inheritdoc />
    public override string? OrderBy { get; set; } = "-Id";
}
