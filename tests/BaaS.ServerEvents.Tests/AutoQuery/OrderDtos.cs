using BaaS.DataAnnotations;

namespace BaaS.ServerEvents.Tests.AutoQuery;

/// <summary>An order (a table).</summary>
public class ShopOrder
{
    [AutoIncrement] public int Id { get; set; }
    public string CustomerId { get; set; } = "";
    public int RestaurantId { get; set; }
    public string Status { get; set; } = "Placed";
}

/// <summary>What the restaurant's owner is told when an order comes in.</summary>
public class NewOrder
{
    public int Id { get; set; }
    public int RestaurantId { get; set; }
    public string Status { get; set; } = "";
}

/// <summary>What follows an order's removal.</summary>
public class OrderRemoved
{
    public int Id { get; set; }
    public string Status { get; set; } = "";
}

[PublishEvent(typeof(NewOrder), Channel = "restaurant-{RestaurantId}")]
public class CreateShopOrder : ICreateDb<ShopOrder>, IReturn<IdResponse>
{
    [ValidateNotEmpty] public string CustomerId { get; set; } = "";
    public int RestaurantId { get; set; }
}

#region snippet:server-events-publish-event
[PublishEvent(typeof(OrderStatusChanged), Channel = "order-{Id}")]         // to the order's channel
[PublishEvent(typeof(OrderStatusChanged), User = "{CustomerId}")]          // and to its customer, wherever they listen
public class PatchShopOrder : IPatchDb<ShopOrder>, IReturn<IdResponse>
{
    public int Id { get; set; }
    public string? Status { get; set; }
}
#endregion

[PublishEvent(typeof(OrderRemoved), Channel = "order-{Id}")]
public class DeleteShopOrder : IDeleteDb<ShopOrder>, IReturnVoid
{
    public int Id { get; set; }
}

/// <summary>A DTO whose template names a property the model lacks: startup must fail.</summary>
[PublishEvent(typeof(NewOrder), Channel = "restaurant-{Restaurant}")]
public class CreateBrokenShopOrder : ICreateDb<ShopOrder>, IReturn<IdResponse>
{
    public int RestaurantId { get; set; }
}
