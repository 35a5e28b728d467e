using BaaS.Auth;
using BaaS.Data;
using BaaS.DataAnnotations;

namespace MyApp.ServiceInterface.Migrations;

/// <summary>Orders and their lines. Customers, owners and couriers are users; an order outlives nobody's account.</summary>
public class Migration0002_CreateOrders : Migration
{
    private sealed class Restaurant
    {
        [AutoIncrement] public int Id { get; set; }
    }

    private sealed class MenuItem
    {
        [AutoIncrement] public int Id { get; set; }
    }

    private sealed class Order
    {
        [AutoIncrement] public int Id { get; set; }
        [References(typeof(Restaurant)), Index] public int RestaurantId { get; set; }
        [References(typeof(BaaSUser)), Index] public Guid CustomerId { get; set; }
        [References(typeof(BaaSUser)), Index] public Guid OwnerId { get; set; }
        [References(typeof(BaaSUser)), Index] public Guid? CourierId { get; set; }
        [StringLength(100)] public string CustomerName { get; set; } = "";
        [StringLength(200)] public string DeliveryAddress { get; set; } = "";
        [Index] public string Status { get; set; } = "";
        public decimal Subtotal { get; set; }
        public decimal DeliveryFee { get; set; }
        public decimal Total { get; set; }
        public DateTime PlacedAt { get; set; }
        public DateTime EstimatedDeliveryAt { get; set; }
        public DateTime? AcceptedAt { get; set; }
        public DateTime? DeliveredAt { get; set; }
        public DateTime? CancelledAt { get; set; }
        [StringLength(500)] public string? CancelReason { get; set; }
    }

    private sealed class OrderItem
    {
        [AutoIncrement] public int Id { get; set; }
        [References(typeof(Order)), Index] public int OrderId { get; set; }
        [References(typeof(MenuItem))] public int MenuItemId { get; set; }
        [StringLength(100)] public string Name { get; set; } = "";
        public decimal UnitPrice { get; set; }
        public int Quantity { get; set; }
        public decimal LineTotal { get; set; }
    }

    public override async Task UpAsync(CancellationToken ct)
    {
        await Db.CreateTableAsync<Order>(ct);
        await Db.CreateTableAsync<OrderItem>(ct);
    }

    public override async Task DownAsync(CancellationToken ct)
    {
        await Db.DropTableAsync<OrderItem>(ct);
        await Db.DropTableAsync<Order>(ct);
    }
}
