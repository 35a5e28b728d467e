using BaaS.Data;
using MyApp.ServiceModel;

namespace MyApp.ServiceInterface;

/// <summary>A few restaurants and menus so a newcomer has something to browse and order from.</summary>
public static class DemoData
{
    /// <summary>Adds the demo restaurants unless restaurants exist already; returns how many were added.</summary>
    public static async Task<int> SeedAsync(DataConnection db, DateTime now, CancellationToken ct)
    {
        if (await db.CountAsync<Restaurant>(ct: ct) > 0) return 0;
        await using var transaction = db.OpenTransaction();
        var restaurants = new (Restaurant Restaurant, MenuItem[] Menu)[]
        {
            (new Restaurant { Name = "Thai Palace", Cuisine = "Thai", Address = "12 River Road", Rating = 4.6m, IsOpen = true, DeliveryMinutes = 30, DeliveryFee = 2.50m },
             [
                 new MenuItem { Name = "Pad Thai", Description = "Rice noodles, tamarind, peanuts", Price = 11.50m },
                 new MenuItem { Name = "Green Curry", Description = "Chicken, Thai basil, coconut", Price = 12.90m },
                 new MenuItem { Name = "Mango Sticky Rice", Price = 6.00m, StockLeft = 10 },
             ]),
            (new Restaurant { Name = "Napoli Express", Cuisine = "Italian", Address = "3 Market Square", Rating = 4.3m, IsOpen = true, DeliveryMinutes = 25, DeliveryFee = 1.90m },
             [
                 new MenuItem { Name = "Margherita", Description = "Tomato, mozzarella, basil", Price = 9.50m },
                 new MenuItem { Name = "Diavola", Description = "Spicy salami", Price = 11.00m },
                 new MenuItem { Name = "Tiramisu", Price = 5.50m },
             ]),
            (new Restaurant { Name = "Tokyo Table", Cuisine = "Japanese", Address = "88 Station Street", Rating = 4.8m, IsOpen = false, DeliveryMinutes = 40, DeliveryFee = 3.00m },
             [
                 new MenuItem { Name = "Salmon Nigiri (8)", Price = 14.00m },
                 new MenuItem { Name = "Chicken Katsu Curry", Price = 13.50m },
             ]),
        };
        foreach (var (restaurant, menu) in restaurants)
        {
            restaurant.CreatedAt = now;
            await db.InsertAsync(restaurant, ct);
            foreach (var item in menu) item.RestaurantId = restaurant.Id;
            await db.InsertAllAsync(menu, ct);
        }
        await transaction.CommitAsync(ct);
        return restaurants.Length;
    }
}
