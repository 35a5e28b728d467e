using System.Net;
using BaaS;
using BaaS.Client;
using MyApp.ServiceModel;

namespace MyApp.Tests;

/// <summary>Browsing and managing restaurants, the same behaviour on every database.</summary>
public abstract class RestaurantTests<THost>(THost host) : IClassFixture<THost> where THost : MyAppHost
{
    [Fact]
    public async Task Demo_restaurants_are_listed_open_ones_first()
    {
        using var client = host.CreateClient();
        var restaurants = (await client.SendAsync(new QueryRestaurants())).Results;
        Assert.Contains(restaurants, r => r.Name == "Thai Palace");
        var firstClosed = restaurants.FindIndex(r => !r.IsOpen);
        Assert.True(firstClosed < 0 || restaurants.Skip(firstClosed).All(r => !r.IsOpen));
    }

    [Fact]
    public async Task Restaurants_filter_by_cuisine_name_and_open()
    {
        using var client = host.CreateClient();
        var thai = (await client.SendAsync(new QueryRestaurants { Cuisine = "Thai" })).Results;
        Assert.NotEmpty(thai);
        Assert.All(thai, r => Assert.Equal("Thai", r.Cuisine));
        var open = (await client.SendAsync(new QueryRestaurants { IsOpen = true })).Results;
        Assert.DoesNotContain(open, r => r.Name == "Tokyo Table");
        var palace = (await client.SendAsync(new QueryRestaurants { NameContains = "PALACE" })).Results;
        Assert.Equal(["Thai Palace"], palace.Select(r => r.Name));
    }

    [Fact]
    public async Task Restaurant_comes_with_its_menu()
    {
        using var client = host.CreateClient();
        var thai = (await client.SendAsync(new QueryRestaurants { Cuisine = "Thai" })).Results.First(r => r.Name == "Thai Palace");
        var details = await client.SendAsync(new GetRestaurant { Id = thai.Id });
        Assert.Equal("Thai Palace", details.Restaurant.Name);
        Assert.Contains(details.Menu, m => m.Name == "Pad Thai" && m.Price == 11.50m);
        Assert.All(details.Menu, m => Assert.Equal(thai.Id, m.RestaurantId));
    }

    [Fact]
    public async Task Unknown_restaurant_is_404()
    {
        using var client = host.CreateClient();
        var error = await Assert.ThrowsAsync<WebServiceException>(() => client.SendAsync(new GetRestaurant { Id = 999_999 }));
        Assert.Equal(404, error.StatusCode);
        Assert.Equal("Restaurant 999999 does not exist.", error.Message);
    }

    [Fact]
    public async Task Created_restaurant_and_menu_item_can_be_read_back()
    {
        using var client = host.CreateClient();
        var created = await client.SendAsync(new CreateRestaurant { Name = "  Curry House ", Cuisine = "Indian", DeliveryMinutes = 35, DeliveryFee = 1.5m });
        var id = int.Parse(created.Id!);
        await client.SendAsync(new AddMenuItem { RestaurantId = id, Name = "Dal", Price = 7.25m, StockLeft = 3 });
        var details = await client.SendAsync(new GetRestaurant { Id = id });
        Assert.Equal("Curry House", details.Restaurant.Name);
        var dal = Assert.Single(details.Menu);
        Assert.Equal(7.25m, dal.Price);
        Assert.Equal(3, dal.StockLeft);
    }

    [Fact]
    public async Task Invalid_restaurant_and_menu_input_answers_400_naming_the_field()
    {
        using var client = host.CreateClient();
        var noName = await client.ApiAsync(new CreateRestaurant { Name = " " });
        Assert.Equal("NotEmpty", noName.FieldError("Name")?.ErrorCode);
        var badMinutes = await client.ApiAsync(new CreateRestaurant { Name = "X", DeliveryMinutes = 0 });
        Assert.Equal("OutOfRange", badMinutes.FieldError("DeliveryMinutes")?.ErrorCode);

        var restaurants = (await client.SendAsync(new QueryRestaurants())).Results;
        var free = await client.ApiAsync(new AddMenuItem { RestaurantId = restaurants[0].Id, Name = "Free lunch", Price = 0 });
        Assert.Equal("GreaterThan", free.FieldError("Price")?.ErrorCode);
        var nowhere = await client.ApiAsync(new AddMenuItem { RestaurantId = 999_999, Name = "Ghost", Price = 1 });
        Assert.Equal(404, nowhere.StatusCode);

        using var http = host.CreateHttp();
        using var missing = await http.PostAsync("/restaurants", new StringContent("""{"cuisine":"Thai"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("\"fieldName\":\"Name\"", await missing.Content.ReadAsStringAsync());
    }
}

public class SqliteRestaurantTests(SqliteMyAppHost host) : RestaurantTests<SqliteMyAppHost>(host);

public class PostgreSqlRestaurantTests(PostgreSqlMyAppHost host) : RestaurantTests<PostgreSqlMyAppHost>(host);
