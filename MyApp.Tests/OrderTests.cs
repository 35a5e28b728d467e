using System.Net;
using System.Text.Json;
using BaaS;
using BaaS.Client;
using BaaS.Text;
using MyApp.ServiceModel;

namespace MyApp.Tests;

/// <summary>Placing orders, the same behaviour on every database.</summary>
public abstract class OrderTests<THost>(THost host) : IClassFixture<THost> where THost : MyAppHost
{
    private async Task<(int RestaurantId, Dictionary<string, MenuItem> Menu)> NewRestaurantAsync(JsonApiClient client, bool open = true, int? stock = null)
    {
        var id = int.Parse((await client.SendAsync(new CreateRestaurant
        {
            Name = "Test Kitchen " + Guid.NewGuid().ToString("N")[..6], Cuisine = "Test", DeliveryMinutes = 20, DeliveryFee = 2m, IsOpen = open,
        })).Id!);
        await client.SendAsync(new AddMenuItem { RestaurantId = id, Name = "Noodles", Price = 8.40m });
        await client.SendAsync(new AddMenuItem { RestaurantId = id, Name = "Dumplings", Price = 5.05m, StockLeft = stock });
        var menu = (await client.SendAsync(new GetRestaurant { Id = id })).Menu.ToDictionary(m => m.Name);
        return (id, menu);
    }

    [Fact]
    public async Task Order_is_priced_from_the_menu_and_stored_with_its_lines()
    {
        using var client = host.CreateClient();
        var (restaurantId, menu) = await NewRestaurantAsync(client);
        var order = await client.SendAsync(new PlaceOrder
        {
            RestaurantId = restaurantId, CustomerName = "Ann", DeliveryAddress = "1 Elm St",
            Items = [new() { MenuItemId = menu["Noodles"].Id, Quantity = 2 }, new() { MenuItemId = menu["Dumplings"].Id, Quantity = 3 }],
        });
        Assert.Equal(OrderStatus.Placed, order.Status);
        Assert.Equal(2 * 8.40m + 3 * 5.05m, order.Subtotal);
        Assert.Equal(2m, order.DeliveryFee);
        Assert.Equal(order.Subtotal + 2m, order.Total);
        Assert.True(order.EstimatedDeliveryAt > order.PlacedAt);

        var stored = await client.SendAsync(new GetOrder { Id = order.Id });
        Assert.Equal(order.Total, stored.Total);
        Assert.Equal(2, stored.Items.Count);
        Assert.All(stored.Items, i => Assert.True(i.Id > 0));
        Assert.Equal(16.80m, stored.Items.Single(i => i.Name == "Noodles").LineTotal);
    }

    [Fact]
    public async Task Prices_sent_by_the_client_are_ignored()
    {
        using var client = host.CreateClient();
        var (restaurantId, menu) = await NewRestaurantAsync(client);
        using var http = host.CreateHttp();
        var body = $$"""
            {"restaurantId":{{restaurantId}},"customerName":"Mallory","deliveryAddress":"x","total":0.01,"subtotal":0,
             "items":[{"menuItemId":{{menu["Noodles"].Id}},"quantity":1,"unitPrice":0.01,"price":0.01}]}
            """;
        using var response = await http.PostAsync("/orders", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var order = JsonSerializer.Deserialize<Order>(await response.Content.ReadAsStringAsync(), JsonProtocol.Options)!;
        Assert.Equal(8.40m, order.Subtotal);
        Assert.Equal(10.40m, order.Total);
    }

    [Fact]
    public async Task Closed_restaurant_refuses_orders_with_409()
    {
        using var client = host.CreateClient();
        var (restaurantId, menu) = await NewRestaurantAsync(client, open: false);
        var result = await client.ApiAsync(new PlaceOrder
        {
            RestaurantId = restaurantId, CustomerName = "Ann", DeliveryAddress = "x", Items = [new() { MenuItemId = menu["Noodles"].Id }],
        });
        Assert.Equal(409, result.StatusCode);
        Assert.Equal("RestaurantClosed", result.ErrorCode);
    }

    [Fact]
    public async Task Dish_of_another_restaurant_or_unknown_dish_is_refused_naming_items()
    {
        using var client = host.CreateClient();
        var (restaurantA, _) = await NewRestaurantAsync(client);
        var (_, menuB) = await NewRestaurantAsync(client);
        var result = await client.ApiAsync(new PlaceOrder
        {
            RestaurantId = restaurantA, CustomerName = "Ann", DeliveryAddress = "x",
            Items = [new() { MenuItemId = menuB["Noodles"].Id }, new() { MenuItemId = 999_999 }],
        });
        Assert.Equal(400, result.StatusCode);
        Assert.Equal("NotOnMenu", result.FieldError("Items")?.ErrorCode);
        Assert.Contains("999999", result.FieldErrorMessage("Items"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(51)]
    public async Task Quantity_outside_1_to_50_is_refused(int quantity)
    {
        using var client = host.CreateClient();
        var (restaurantId, menu) = await NewRestaurantAsync(client);
        var result = await client.ApiAsync(new PlaceOrder
        {
            RestaurantId = restaurantId, CustomerName = "Ann", DeliveryAddress = "x", Items = [new() { MenuItemId = menu["Noodles"].Id, Quantity = quantity }],
        });
        Assert.Equal("OutOfRange", result.FieldError("Items")?.ErrorCode);
    }

    [Fact]
    public async Task Empty_order_and_missing_customer_are_refused()
    {
        using var client = host.CreateClient();
        var (restaurantId, _) = await NewRestaurantAsync(client);
        var empty = await client.ApiAsync(new PlaceOrder { RestaurantId = restaurantId, CustomerName = "Ann", DeliveryAddress = "x" });
        Assert.Equal("NotEmpty", empty.FieldError("Items")?.ErrorCode);

        using var http = host.CreateHttp();
        using var missing = await http.PostAsync("/orders", new StringContent($$"""{"restaurantId":{{restaurantId}},"items":[]}""", System.Text.Encoding.UTF8, "application/json"));
        var text = await missing.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("\"fieldName\":\"CustomerName\"", text);
        Assert.Contains("\"fieldName\":\"DeliveryAddress\"", text);
    }

    [Fact]
    public async Task Sold_out_dish_is_refused_and_no_order_is_written()
    {
        using var client = host.CreateClient();
        var (restaurantId, menu) = await NewRestaurantAsync(client, stock: 2);
        var tooMany = await client.ApiAsync(new PlaceOrder
        {
            RestaurantId = restaurantId, CustomerName = "Ann", DeliveryAddress = "x",
            Items = [new() { MenuItemId = menu["Noodles"].Id }, new() { MenuItemId = menu["Dumplings"].Id, Quantity = 3 }],
        });
        Assert.Equal(409, tooMany.StatusCode);
        Assert.Equal("SoldOut", tooMany.ErrorCode);
        var after = (await client.SendAsync(new GetRestaurant { Id = restaurantId })).Menu.Single(m => m.Name == "Dumplings");
        Assert.Equal(2, after.StockLeft);
    }

    [Fact]
    public async Task Concurrent_orders_for_the_last_unit_exactly_one_wins()
    {
        using var client = host.CreateClient();
        var (restaurantId, menu) = await NewRestaurantAsync(client, stock: 1);
        var attempts = Enumerable.Range(0, 8).Select(async i =>
        {
            using var racer = host.CreateClient();
            return await racer.ApiAsync(new PlaceOrder
            {
                RestaurantId = restaurantId, CustomerName = $"Racer {i}", DeliveryAddress = "x",
                Items = [new() { MenuItemId = menu["Dumplings"].Id }],
            });
        });
        var results = await Task.WhenAll(attempts);
        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => r.Failed), r => Assert.Equal("SoldOut", r.ErrorCode));
        var after = (await client.SendAsync(new GetRestaurant { Id = restaurantId })).Menu.Single(m => m.Name == "Dumplings");
        Assert.Equal(0, after.StockLeft);
    }

    [Fact]
    public async Task Unknown_order_is_404()
    {
        using var client = host.CreateClient();
        var result = await client.ApiAsync(new GetOrder { Id = 999_999 });
        Assert.Equal(404, result.StatusCode);
    }
}

public class SqliteOrderTests(SqliteMyAppHost host) : OrderTests<SqliteMyAppHost>(host);

public class PostgreSqlOrderTests(PostgreSqlMyAppHost host) : OrderTests<PostgreSqlMyAppHost>(host);
