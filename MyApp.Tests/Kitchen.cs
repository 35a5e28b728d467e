using BaaS.Client;
using MyApp.ServiceModel;

namespace MyApp.Tests;

/// <summary>Test data made through the API, as an owner would: a restaurant with two dishes.</summary>
public static class Kitchen
{
    /// <summary>A new restaurant of <paramref name="owner"/>, with Noodles (8.40) and Dumplings (5.05, <paramref name="stock"/> left).</summary>
    public static async Task<(int RestaurantId, Dictionary<string, MenuItem> Menu)> OpenAsync(JsonApiClient owner, bool open = true, int? stock = null,
        decimal deliveryFee = 2m, string? name = null)
    {
        var id = int.Parse((await owner.SendAsync(new CreateRestaurant
        {
            Name = name ?? "Test Kitchen " + Guid.NewGuid().ToString("N")[..8], Cuisine = "Test", Address = "5 Test Lane",
            DeliveryMinutes = 20, DeliveryFee = deliveryFee, IsOpen = open,
        })).Id!);
        await owner.SendAsync(new CreateMenuItem { RestaurantId = id, Name = "Noodles", Price = 8.40m });
        await owner.SendAsync(new CreateMenuItem { RestaurantId = id, Name = "Dumplings", Price = 5.05m, StockLeft = stock });
        var menu = (await owner.SendAsync(new QueryMyMenuItems { RestaurantId = id })).Results.ToDictionary(m => m.Name);
        return (id, menu);
    }

    /// <summary>An order of one or more dishes, delivered to a test address.</summary>
    public static PlaceOrder Order(int restaurantId, params (MenuItem Dish, int Quantity)[] lines) => new()
    {
        RestaurantId = restaurantId, DeliveryAddress = "1 Elm St",
        Items = [.. lines.Select(l => new OrderLine { MenuItemId = l.Dish.Id, Quantity = l.Quantity })],
    };

    /// <summary>Moves an order, failing the test with the server's answer when refused.</summary>
    public static Task<Order> MoveAsync(JsonApiClient client, int orderId, OrderStatus status, string? reason = null) =>
        client.SendAsync(new UpdateOrderStatus { Id = orderId, Status = status, Reason = reason });
}
