using BaaS;

namespace MyApp.ServiceModel;

/// <summary>
/// Places an order. Prices come from the menu, never from the caller; the order and its lines are written in one
/// transaction.
/// </summary>
[Tag("Orders"), Route("/orders", "POST")]
public class PlaceOrder : IReturn<Order>, IPost
{
    public int RestaurantId { get; set; }
    public required string CustomerName { get; set; }
    public required string DeliveryAddress { get; set; }
    public List<OrderLine> Items { get; set; } = [];
}

/// <summary>A dish and how many.</summary>
public class OrderLine
{
    public int MenuItemId { get; set; }
    public int Quantity { get; set; } = 1;
}

/// <summary>An order with its lines.</summary>
[Tag("Orders"), Route("/orders/{Id}", "GET")]
public class GetOrder : IReturn<Order>, IGet
{
    public int Id { get; set; }
}
