using BaaS;

namespace MyApp.ServiceModel;

/// <summary>Orders ready for pickup: being prepared and not taken by any courier yet, oldest first. Couriers.</summary>
[Tag("Deliveries", Icon = "truck"), Route("/deliveries/available", "GET")]
[ValidateHasRole(Roles.Courier), AutoFilter(nameof(Order.Status), Value = OrderStatus.Preparing)]
[AutoFilter(nameof(Order.CourierId), Operand = "IsNull"), ApiKeyScope(ApiScopes.OrdersRead)]
public class QueryAvailableOrders : QueryDb<Order>
{
    public int? RestaurantId { get; set; }
}

/// <summary>The caller's deliveries, newest first. Couriers.</summary>
[Tag("Deliveries", Icon = "truck"), Route("/my/deliveries", "GET")]
[ValidateHasRole(Roles.Courier), AutoFilter(nameof(Delivery.CourierId), Eval = "userAuthId"), ApiKeyScope(ApiScopes.OrdersRead)]
public class QueryMyDeliveries : QueryDb<Delivery>
{
    public int? OrderId { get; set; }

    /// <summary>True for the ones still on the way, false for the delivered ones.</summary>
    public bool? DeliveredAtIsNull { get; set; }

    /// <inheritdoc />
    public override string? OrderBy { get; set; } = "-Id";
}
