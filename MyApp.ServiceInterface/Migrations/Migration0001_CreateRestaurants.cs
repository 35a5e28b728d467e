using BaaS;
using BaaS.Auth;
using BaaS.Data;
using BaaS.DataAnnotations;

namespace MyApp.ServiceInterface.Migrations;

/// <summary>
/// Restaurants and their menus, each owned by a user. The tables are declared here as they are at this step (not
/// through the app's models), so later changes to the models never change what this migration does; the classes carry
/// the models' names, so the tables get the same names (<c>restaurant</c>, <c>menu_item</c>).
/// </summary>
public class Migration0001_CreateRestaurants : Migration
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
        public decimal DeliveryFee { get; set; }
    }

    private sealed class MenuItem : AuditBase
    {
        [AutoIncrement] public int Id { get; set; }
        [References(typeof(Restaurant)), Index] public int RestaurantId { get; set; }
        [References(typeof(BaaSUser)), Index] public Guid OwnerId { get; set; }
        [StringLength(100)] public string Name { get; set; } = "";
        [StringLength(500)] public string? Description { get; set; }
        public decimal Price { get; set; }
        public bool IsAvailable { get; set; } = true;
        public int? StockLeft { get; set; }
    }

    public override async Task UpAsync(CancellationToken ct)
    {
        await Db.CreateTableAsync<Restaurant>(ct);
        await Db.CreateTableAsync<MenuItem>(ct);
    }

    public override async Task DownAsync(CancellationToken ct)
    {
        await Db.DropTableAsync<MenuItem>(ct);
        await Db.DropTableAsync<Restaurant>(ct);
    }
}
