namespace MyApp.ServiceModel;

// Server events MyApp pushes over /event-stream (docs/server-events.md). Each is declared with AddEventType in
// Configure.ServerEvents.cs, so it is in the metadata and the generated clients; its type name is its selector
// (cmd.OrderStatusChanged).

/// <summary>
/// An order moved: sent to the order's channel (<c>order-{Id}</c>: its customer, its restaurant's owner, its courier),
/// to its restaurant's channel (<c>restaurant-{RestaurantId}</c>) and, when it leaves the couriers' pool, to <c>couriers</c>.
/// </summary>
public class OrderStatusChanged
{
    public int OrderId { get; set; }
    public int RestaurantId { get; set; }

    /// <summary>The status it has now.</summary>
    public OrderStatus Status { get; set; }

    /// <summary>The status it had before this move.</summary>
    public OrderStatus PreviousStatus { get; set; }

    /// <summary>Why, for a cancellation.</summary>
    public string? Reason { get; set; }

    /// <summary>When it moved (UTC).</summary>
    public DateTime At { get; set; }
}

/// <summary>A customer placed an order: sent to the restaurant's channel (<c>restaurant-{RestaurantId}</c>, its owner).</summary>
public class NewOrder
{
    public int OrderId { get; set; }
    public int RestaurantId { get; set; }
    public string CustomerName { get; set; } = "";
    public string DeliveryAddress { get; set; } = "";

    /// <summary>How many dishes, all lines together.</summary>
    public int Dishes { get; set; }
    public decimal Total { get; set; }
    public DateTime PlacedAt { get; set; }
}

/// <summary>An order is being prepared and no courier has it yet: sent to <c>couriers</c> (every courier).</summary>
public class OrderReadyForPickup
{
    public int OrderId { get; set; }
    public int RestaurantId { get; set; }
    public string RestaurantName { get; set; } = "";
    public string PickupAddress { get; set; } = "";
    public string DropoffAddress { get; set; } = "";
}
