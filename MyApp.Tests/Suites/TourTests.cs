using BaaS;
using BaaS.Client;
using MyApp.ServiceModel;

namespace MyApp.Tests;

/// <summary>The README's C# tour, as a newcomer runs it: the demo users with the passwords MyApp printed at first start.</summary>
[Collection(SqliteApp.Name)]
public class TourTests(SqliteMyAppFixture host)
{
    private async Task<JsonApiClient> SignInAsync(string email)
    {
        var client = new JsonApiClient(host.BaseUrl);
        var auth = await client.SendAsync(new Authenticate { Provider = "credentials", UserName = email, Password = host.DemoPasswords()[email] });
        client.BearerToken = auth.BearerToken;
        return client;
    }

    [Fact]
    public async Task Readme_tour_signs_in_browses_orders_and_follows_the_order_to_the_door()
    {
        var baseUrl = host.BaseUrl;
        var customerPassword = host.DemoPasswords()["customer@example.com"];
        using var owner = await SignInAsync("owner@example.com");
        using var courier = await SignInAsync("courier@example.com");

        #region snippet:readme-tour
        // Sign in with a demo user (MyApp printed their passwords when it first started).
        using var customer = new JsonApiClient(baseUrl);
        var auth = await customer.SendAsync(new Authenticate { Provider = "credentials", UserName = "customer@example.com", Password = customerPassword });
        customer.BearerToken = auth.BearerToken;

        // Browse: open restaurants, best rated first, and one's menu.
        var thai = (await customer.SendAsync(new QueryRestaurants { CuisineContains = "thai" })).Results[0];
        var menu = (await customer.SendAsync(new QueryMenuItems { RestaurantId = thai.Id })).Results;

        // Order: prices come from the menu, the address from the customer's profile. The Idempotency-Key makes a retry
        // (after a timeout, say) answer this same order instead of placing a second one.
        var order = await customer.SendAsync(new PlaceOrder
        {
            RestaurantId = thai.Id,
            Items = [new() { MenuItemId = menu[0].Id, Quantity = 2 }],
        }, idempotencyKey: Guid.NewGuid().ToString());

        // The owner accepts and cooks it; a courier takes it and delivers it (owner, courier: clients signed in the same way).
        await owner.SendAsync(new UpdateOrderStatus { Id = order.Id, Status = OrderStatus.Accepted });
        await owner.SendAsync(new UpdateOrderStatus { Id = order.Id, Status = OrderStatus.Preparing });
        await courier.SendAsync(new UpdateOrderStatus { Id = order.Id, Status = OrderStatus.OutForDelivery });
        await courier.SendAsync(new UpdateOrderStatus { Id = order.Id, Status = OrderStatus.Delivered });

        // Follow it, then review it.
        var followed = (await customer.SendAsync(new QueryMyOrders { Id = order.Id })).Results[0];   // Status: Delivered
        await customer.SendAsync(new ReviewOrder { OrderId = order.Id, Rating = 5, Comment = "Still hot" });

        // Mistakes come back as errors naming the field; ApiAsync returns them instead of throwing.
        var refused = await customer.ApiAsync(new PlaceOrder { RestaurantId = thai.Id });          // refused.FieldError("Items")
        #endregion

        Assert.Equal("Thai Palace", thai.Name);
        Assert.Equal(menu[0].Price * 2, order.Subtotal);
        Assert.Equal("1 Elm Street", order.DeliveryAddress);
        Assert.Equal(OrderStatus.Delivered, followed.Status);
        Assert.Equal(2, followed.Items[0].Quantity);
        Assert.Equal("NotEmpty", refused.FieldError("Items")?.ErrorCode);
        Assert.Contains((await customer.SendAsync(new QueryReviews { RestaurantId = thai.Id })).Results, r => r.Comment == "Still hot");
    }
}
