using BaaS.Client;
using MyApp.ServiceModel;

namespace MyApp.Tests;

/// <summary>The README's tour, as a newcomer runs it, against the demo data.</summary>
public class TourTests(SqliteMyAppHost host) : IClassFixture<SqliteMyAppHost>
{
    [Fact]
    public async Task Readme_tour_places_and_reads_an_order()
    {
        using var client = new JsonApiClient(host.BaseUrl);
        #region snippet:readme-tour
        var menu = await client.SendAsync(new GetRestaurant { Id = 1 });
        var order = await client.SendAsync(new PlaceOrder
        {
            RestaurantId = 1, CustomerName = "Ann", DeliveryAddress = "1 Elm St",
            Items = [new() { MenuItemId = menu.Menu[0].Id, Quantity = 2 }],
        });
        var result = await client.ApiAsync(new GetOrder { Id = order.Id });   // errors come back in result.Error
        #endregion
        Assert.True(result.Succeeded);
        Assert.Equal(menu.Menu[0].Price * 2, result.Response!.Subtotal);
        Assert.Equal("Thai Palace", menu.Restaurant.Name);
    }
}
