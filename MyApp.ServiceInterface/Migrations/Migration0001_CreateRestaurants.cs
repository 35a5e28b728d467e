using BaaS.Data;
using BaaS.DataAnnotations;

namespace MyApp.ServiceInterface.Migrations;

/// <summary>
/// Restaurants and their menus. The tables are declared here as they were at this step (not through the app's
/// models), so later changes to the models never change what this migration does; the classes carry the models'
/// names, so the tables get the same names.
/// </summary>
public class Migration0001_CreateRestaurants : Migration
{
    private sealed class Restaurant
    {
        [AutoIncrement] public int Id { get; set; }
        [Index, StringLength(100)] public string Name { get; set; } = "";
        [StringLength(50)] public string Cuisine { get; set; } = "";
        public string Address { get; set; } = "";
        public decimal Rating { get; set; }
        public bool IsOpen { get; set; }
        public int DeliveryMinutes { get; set; }
        public decimal DeliveryFee { get; set; }
        public DateTime CreatedAt { get; set; }
    }

    private sealed class MenuItem
    {
        [AutoIncrement] public int Id { get; set; }
        [References(typeof(Restaurant)), Index] public int RestaurantId { get; set; }
        [StringLength(100)] public string Name { get; set; } = "";
        public string? Description { get; set; }
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
