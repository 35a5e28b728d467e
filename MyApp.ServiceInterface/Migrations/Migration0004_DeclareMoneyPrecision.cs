using BaaS;
using BaaS.Auth;
using BaaS.Data;
using BaaS.DataAnnotations;

namespace MyApp.ServiceInterface.Migrations;

/// <summary>
/// Money gets a declared precision: prices and fees decimal(10,2), order sums decimal(12,2). On PostgreSQL the columns
/// become numeric(p,s); on SQLite the exact-text columns become scaled integers, so filtering and sorting by price run
/// natively. The tables are declared as they are at this step, with every column (SQLite rebuilds each table from
/// them), and other tables refer to them, so the migration says it rebuilds tables.
/// </summary>
public class Migration0004_DeclareMoneyPrecision : Migration
{
    private sealed class Restaurant : AuditBase
    {
        [AutoIncrement] public int Id { get; set; }
        [References(typeof(BaaSUser)), Index] public Guid OwnerId { get; set; }
        [Index, StringLength(100)] public string Name { get; set; } = "";
        [StringLength(50)] public string Cuisine { get; set; } = "";
        [StringLength(200)] public string Address { get; set; } = "";
        public decimal Rating { get; set; }
        public int ReviewCount { get; set; }
        [Index] public bool IsOpen { get; set; }
        public int DeliveryMinutes { get; set; }
        [DecimalLength(10, 2)] public decimal DeliveryFee { get; set; }
    }

    private sealed class MenuItem : AuditBase
    {
        [AutoIncrement] public int Id { get; set; }
        [References(typeof(Restaurant)), Index] public int RestaurantId { get; set; }
        [References(typeof(BaaSUser)), Index] public Guid OwnerId { get; set; }
        [StringLength(100)] public string Name { get; set; } = "";
        [StringLength(500)] public string? Description { get; set; }
        [DecimalLength(10, 2)] public decimal Price { get; set; }
        public bool IsAvailable { get; set; } = true;
        public int? StockLeft { get; set; }
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
        [DecimalLength(12, 2)] public decimal Subtotal { get; set; }
        [DecimalLength(10, 2)] public decimal DeliveryFee { get; set; }
        [DecimalLength(12, 2)] public decimal Total { get; set; }
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
        [DecimalLength(10, 2)] public decimal UnitPrice { get; set; }
        public int Quantity { get; set; }
        [DecimalLength(12, 2)] public decimal LineTotal { get; set; }
    }

    /// <inheritdoc />
    public override bool RebuildsTables => true;

    public override async Task UpAsync(CancellationToken ct)
    {
        await Db.ConvertDecimalColumnsAsync<Restaurant>(ct);
        await Db.ConvertDecimalColumnsAsync<MenuItem>(ct);
        await Db.ConvertDecimalColumnsAsync<Order>(ct);
        await Db.ConvertDecimalColumnsAsync<OrderItem>(ct);
    }
}
