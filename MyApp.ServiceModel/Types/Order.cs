using BaaS;
using BaaS.DataAnnotations;

namespace MyApp.ServiceModel;

/// <summary>A customer's order from one restaurant, priced from the menu when it was placed.</summary>
[Icon("receipt")]
public class Order
{
    [AutoIncrement]
    public int Id { get; set; }

    [References(typeof(Restaurant)), Index]
    public int RestaurantId { get; set; }

    /// <summary>The user who placed it.</summary>
    [Index]
    public Guid CustomerId { get; set; }

    /// <summary>The restaurant's owner when the order was placed: the owner's APIs filter by it.</summary>
    [Index]
    public Guid OwnerId { get; set; }

    /// <summary>The courier who took it; null until one does.</summary>
    [Index]
    public Guid? CourierId { get; set; }

    [StringLength(100)]
    public string CustomerName { get; set; } = "";

    [StringLength(200)]
    public string DeliveryAddress { get; set; } = "";

    [Index]
    public OrderStatus Status { get; set; }

    /// <summary>The sum of the lines, priced from the menu when the order was placed.</summary>
    [DecimalLength(12, 2), Format(ColumnFormat.Currency)]
    public decimal Subtotal { get; set; }

    [DecimalLength(10, 2), Format(ColumnFormat.Currency)]
    public decimal DeliveryFee { get; set; }

    [DecimalLength(12, 2), Format(ColumnFormat.Currency)]
    public decimal Total { get; set; }

    public DateTime PlacedAt { get; set; }

    public DateTime EstimatedDeliveryAt { get; set; }

    public DateTime? AcceptedAt { get; set; }

    public DateTime? DeliveredAt { get; set; }

    public DateTime? CancelledAt { get; set; }

    /// <summary>Why it was cancelled, when someone said.</summary>
    [StringLength(500)]
    public string? CancelReason { get; set; }

    [Reference]
    public List<OrderItem> Items { get; set; } = [];
}
