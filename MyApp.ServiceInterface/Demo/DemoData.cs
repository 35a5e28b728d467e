using MyApp.ServiceModel;

namespace MyApp.ServiceInterface;

/// <summary>The demo restaurants, their menus and a little history (delivered, reviewed orders) so ratings mean something.</summary>
public static class DemoData
{
    /// <summary>A restaurant with its menu, and the stars of its past reviews.</summary>
    public sealed record DemoRestaurant(Restaurant Restaurant, MenuItem[] Menu, int[] PastRatings);

    /// <summary>Fresh copies (the seeder fills ids, owners and audit columns).</summary>
    public static DemoRestaurant[] Restaurants() =>
    [
        new(new Restaurant { Name = "Thai Palace", Cuisine = "Thai", Address = "12 River Road", IsOpen = true, DeliveryMinutes = 30, DeliveryFee = 2.50m },
            [
                new MenuItem { Name = "Pad Thai", Description = "Rice noodles, tamarind, peanuts", Price = 11.50m },
                new MenuItem { Name = "Green Curry", Description = "Chicken, Thai basil, coconut", Price = 12.90m },
                new MenuItem { Name = "Mango Sticky Rice", Description = "Only ten a day", Price = 6.00m, StockLeft = 10 },
            ],
            [5, 4]),
        new(new Restaurant { Name = "Napoli Express", Cuisine = "Italian", Address = "3 Market Square", IsOpen = true, DeliveryMinutes = 25, DeliveryFee = 1.90m },
            [
                new MenuItem { Name = "Margherita", Description = "Tomato, mozzarella, basil", Price = 9.50m },
                new MenuItem { Name = "Diavola", Description = "Spicy salami", Price = 11.00m },
                new MenuItem { Name = "Tiramisu", Price = 5.50m },
            ],
            [4]),
        new(new Restaurant { Name = "Tokyo Table", Cuisine = "Japanese", Address = "88 Station Street", IsOpen = false, DeliveryMinutes = 40, DeliveryFee = 3.00m },
            [
                new MenuItem { Name = "Salmon Nigiri (8)", Price = 14.00m },
                new MenuItem { Name = "Chicken Katsu Curry", Price = 13.50m },
            ],
            [5]),
    ];
}
