using BaaS.DataAnnotations;

namespace MyApp.ServiceModel;

/// <summary>Where an order is in its life.</summary>
public enum OrderStatus
{
    Placed,
    Accepted,
    Preparing,
    OutForDelivery,
    Delivered,
    Cancelled,
}

/// <summary>A customer's order from one restaurant.</summary>
public class Order
{
    [AutoIncrement]
    public int Id { get; set; }

    [References(typeof(Restaurant)), Index]
    public int RestaurantId { get; set; }

    [StringLength(100)]
    public string CustomerName { get; set; } = "";

    public string DeliveryAddress { get; set; } = "";

    public OrderStatus Status { get; set; }

    /// <summary>The sum of the lines, priced from the menu when the order was placed.</summary>
    public decimal Subtotal { get; set; }

    public decimal DeliveryFee { get; set; }

    public decimal Total { get; set; }

    public DateTime PlacedAt { get; set; }

    public DateTime EstimatedDeliveryAt { get; set; }

    [Reference]
    public List<OrderItem> Items { get; set; } = [];
}

/// <summary>One line of an order.</summary>
public class OrderItem
{
    [AutoIncrement]
    public int Id { get; set; }

    [References(typeof(Order)), Index]
    public int OrderId { get; set; }

    [References(typeof(MenuItem))]
    public int MenuItemId { get; set; }

    public string Name { get; set; } = "";

    public decimal UnitPrice { get; set; }

    public int Quantity { get; set; }

    public decimal LineTotal { get; set; }
}
