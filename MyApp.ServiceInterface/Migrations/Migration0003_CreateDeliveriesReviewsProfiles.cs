using BaaS;
using BaaS.Auth;
using BaaS.Data;
using BaaS.DataAnnotations;

namespace MyApp.ServiceInterface.Migrations;

/// <summary>
/// Couriers' deliveries, customers' reviews (one per order) and customer profiles (one per user, deleted with the
/// user: it is theirs alone).
/// </summary>
public class Migration0003_CreateDeliveriesReviewsProfiles : Migration
{
    private sealed class Restaurant
    {
        [AutoIncrement] public int Id { get; set; }
    }

    private sealed class Order
    {
        [AutoIncrement] public int Id { get; set; }
    }

    private sealed class Delivery
    {
        [AutoIncrement] public int Id { get; set; }
        [References(typeof(Order)), Index(Unique = true)] public int OrderId { get; set; }
        [References(typeof(BaaSUser)), Index] public Guid CourierId { get; set; }
        [References(typeof(Restaurant)), Index] public int RestaurantId { get; set; }
        [StringLength(300)] public string PickupAddress { get; set; } = "";
        [StringLength(200)] public string DropoffAddress { get; set; } = "";
        public DateTime PickedUpAt { get; set; }
        public DateTime? DeliveredAt { get; set; }
    }

    private sealed class Review : AuditBase
    {
        [AutoIncrement] public int Id { get; set; }
        [References(typeof(Order)), Index(Unique = true)] public int OrderId { get; set; }
        [References(typeof(Restaurant)), Index] public int RestaurantId { get; set; }
        [References(typeof(BaaSUser)), Index] public Guid CustomerId { get; set; }
        public int Rating { get; set; }
        [StringLength(1000)] public string? Comment { get; set; }
    }

    private sealed class CustomerProfile : AuditBase
    {
        [AutoIncrement] public int Id { get; set; }
        [ForeignKey(typeof(BaaSUser), OnDelete = "CASCADE"), Index(Unique = true)] public Guid UserId { get; set; }
        [StringLength(100)] public string DisplayName { get; set; } = "";
        [StringLength(30)] public string? Phone { get; set; }
        [StringLength(200)] public string? DefaultAddress { get; set; }
    }

    public override async Task UpAsync(CancellationToken ct)
    {
        await Db.CreateTableAsync<Delivery>(ct);
        await Db.CreateTableAsync<Review>(ct);
        await Db.CreateTableAsync<CustomerProfile>(ct);
    }

    public override async Task DownAsync(CancellationToken ct)
    {
        await Db.DropTableAsync<CustomerProfile>(ct);
        await Db.DropTableAsync<Review>(ct);
        await Db.DropTableAsync<Delivery>(ct);
    }
}
