using System.Net;
using System.Text.Json;
using BaaS;
using BaaS.Text;
using MyApp.ServiceModel;

namespace MyApp.Tests;

/// <summary>Placing orders: priced from the menu, for the signed-in customer, all or nothing.</summary>
public abstract class OrderTests<THost>(THost host) where THost : MyAppFixture
{
    [Fact]
    public async Task Order_is_priced_from_the_menu_for_the_signed_in_customer_and_stored_with_its_lines()
    {
        using var owner = host.As(host.Owner);
        var (restaurantId, menu) = await Kitchen.OpenAsync(owner);
        using var customer = host.As(host.Customer);
        var order = await customer.SendAsync(Kitchen.Order(restaurantId, (menu["Noodles"], 2), (menu["Dumplings"], 3)));
        Assert.Equal(OrderStatus.Placed, order.Status);
        Assert.Equal(host.Customer.Id, order.CustomerId);
        Assert.Equal(host.Owner.Id, order.OwnerId);
        Assert.Null(order.CourierId);
        Assert.StartsWith("Customer ", order.CustomerName); // the user's display name: AdminCreateUser gave it
        Assert.Equal(2 * 8.40m + 3 * 5.05m, order.Subtotal);
        Assert.Equal(2m, order.DeliveryFee);
        Assert.Equal(order.Subtotal + 2m, order.Total);
        // 20 minutes' delivery plus 2 per dish
        Assert.Equal(order.PlacedAt.AddMinutes(20 + 2 * 5), order.EstimatedDeliveryAt);

        var stored = (await customer.SendAsync(new QueryMyOrders { Id = order.Id })).Results.Single();
        Assert.Equal(order.Total, stored.Total);
        Assert.Equal(2, stored.Items.Count);
        Assert.All(stored.Items, i => Assert.True(i.Id > 0));
        Assert.Equal(16.80m, stored.Items.Single(i => i.Name == "Noodles").LineTotal);
    }

    [Fact]
    public async Task Prices_totals_and_customer_sent_by_the_client_are_ignored()
    {
        using var owner = host.As(host.Owner);
        var (restaurantId, menu) = await Kitchen.OpenAsync(owner);
        using var http = host.CreateHttp();
        http.DefaultRequestHeaders.Authorization = new("Bearer", host.Customer.Token);
        var body = $$"""
            {"restaurantId":{{restaurantId}},"deliveryAddress":"2 Oak Rd","total":0.01,"subtotal":0,"deliveryFee":0,
             "customerId":"{{host.OtherCustomer.Id}}","customerName":"Mallory","ownerId":"{{host.OtherOwner.Id}}","status":"Delivered",
             "items":[{"menuItemId":{{menu["Noodles"].Id}},"quantity":1,"unitPrice":0.01,"lineTotal":0.01,"name":"Free"}]}
            """;
        using var response = await http.PostAsync("/orders", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var order = JsonSerializer.Deserialize<Order>(text, JsonProtocol.Options)!;
        Assert.Equal(8.40m, order.Subtotal);
        Assert.Equal(10.40m, order.Total);
        Assert.Equal(host.Customer.Id, order.CustomerId);
        Assert.Equal(host.Owner.Id, order.OwnerId);
        Assert.NotEqual("Mallory", order.CustomerName);
        Assert.Equal(OrderStatus.Placed, order.Status);
        Assert.Equal("Noodles", order.Items.Single().Name);
        Assert.Equal(8.40m, order.Items.Single().UnitPrice);
    }

    [Fact]
    public async Task Anonymous_callers_cannot_order()
    {
        using var owner = host.As(host.Owner);
        var (restaurantId, menu) = await Kitchen.OpenAsync(owner);
        using var anonymous = host.CreateClient();
        var result = await anonymous.ApiAsync(Kitchen.Order(restaurantId, (menu["Noodles"], 1)));
        Assert.Equal(401, result.StatusCode);
    }

    [Fact]
    public async Task Closed_restaurant_refuses_orders_with_409_and_a_retired_one_is_404()
    {
        using var owner = host.As(host.Owner);
        using var customer = host.As(host.Customer);
        var (closedId, closedMenu) = await Kitchen.OpenAsync(owner, open: false);
        var closed = await customer.ApiAsync(Kitchen.Order(closedId, (closedMenu["Noodles"], 1)));
        Assert.Equal(409, closed.StatusCode);
        Assert.Equal("RestaurantClosed", closed.ErrorCode);

        var (retiredId, retiredMenu) = await Kitchen.OpenAsync(owner);
        await owner.SendAsync(new DeleteRestaurant { Id = retiredId });
        var retired = await customer.ApiAsync(Kitchen.Order(retiredId, (retiredMenu["Noodles"], 1)));
        Assert.Equal(404, retired.StatusCode);
    }

    [Fact]
    public async Task Dish_of_another_restaurant_a_deleted_dish_or_an_unknown_dish_is_refused_naming_items()
    {
        using var owner = host.As(host.Owner);
        var (restaurantA, menuA) = await Kitchen.OpenAsync(owner);
        var (_, menuB) = await Kitchen.OpenAsync(owner);
        await owner.SendAsync(new DeleteMenuItem { Id = menuA["Dumplings"].Id });
        using var customer = host.As(host.Customer);
        var result = await customer.ApiAsync(new PlaceOrder
        {
            RestaurantId = restaurantA, DeliveryAddress = "x",
            Items = [new() { MenuItemId = menuB["Noodles"].Id }, new() { MenuItemId = 999_999 }, new() { MenuItemId = menuA["Dumplings"].Id }],
        });
        Assert.Equal(400, result.StatusCode);
        Assert.Equal("NotOnMenu", result.FieldError("Items")?.ErrorCode);
        Assert.Contains($"{menuB["Noodles"].Id}, 999999, {menuA["Dumplings"].Id}", result.FieldErrorMessage("Items"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(51)]
    public async Task Quantity_outside_1_to_50_is_refused(int quantity)
    {
        using var owner = host.As(host.Owner);
        var (restaurantId, menu) = await Kitchen.OpenAsync(owner);
        using var customer = host.As(host.Customer);
        var result = await customer.ApiAsync(Kitchen.Order(restaurantId, (menu["Noodles"], quantity)));
        Assert.Equal(400, result.StatusCode);
        Assert.Equal("OutOfRange", result.FieldError("Items")?.ErrorCode);
    }

    [Theory]
    [InlineData(int.MaxValue, int.MaxValue)]
    [InlineData(30, 30)]
    [InlineData(int.MaxValue, -int.MaxValue)]
    public async Task Lines_of_one_dish_that_add_up_past_the_limit_or_overflow_are_refused(int first, int second)
    {
        using var owner = host.As(host.Owner);
        var (restaurantId, menu) = await Kitchen.OpenAsync(owner);
        using var customer = host.As(host.Customer);
        var result = await customer.ApiAsync(Kitchen.Order(restaurantId, (menu["Noodles"], first), (menu["Noodles"], second)));
        Assert.Equal(400, result.StatusCode);
        Assert.Equal("OutOfRange", result.FieldError("Items")?.ErrorCode);
    }

    [Fact]
    public async Task An_order_of_a_hundred_thousand_lines_is_refused_naming_items()
    {
        var lines = string.Join(",", Enumerable.Repeat("""{"menuItemId":1,"quantity":1}""", 100_000));
        using var http = host.CreateHttp();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", host.Customer.Token);
        using var response = await http.PostAsync("/api/PlaceOrder",
            new StringContent($$"""{"restaurantId":1,"deliveryAddress":"x","items":[{{lines}}]}""", System.Text.Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
        using var json = JsonDocument.Parse(body);
        var error = json.RootElement.GetProperty("responseStatus").GetProperty("errors")[0];
        Assert.Equal("Items", error.GetProperty("fieldName").GetString());
        Assert.Equal("MaxItems", error.GetProperty("errorCode").GetString());
    }

    [Fact]
    public async Task Empty_order_is_refused_and_without_an_address_the_profile_address_is_used()
    {
        using var owner = host.As(host.Owner);
        var (restaurantId, menu) = await Kitchen.OpenAsync(owner);
        using var customer = host.As(await host.CreateUserAsync(Roles.Customer));
        var empty = await customer.ApiAsync(new PlaceOrder { RestaurantId = restaurantId, DeliveryAddress = "x" });
        Assert.Equal("NotEmpty", empty.FieldError("Items")?.ErrorCode);

        var nowhere = await customer.ApiAsync(new PlaceOrder { RestaurantId = restaurantId, Items = [new() { MenuItemId = menu["Noodles"].Id }] });
        Assert.Equal(400, nowhere.StatusCode);
        Assert.Equal("Required", nowhere.FieldError("DeliveryAddress")?.ErrorCode);

        await customer.SendAsync(new CreateMyProfile { DisplayName = "Dee", DefaultAddress = "9 Profile Road" });
        var order = await customer.SendAsync(new PlaceOrder { RestaurantId = restaurantId, Items = [new() { MenuItemId = menu["Noodles"].Id }] });
        Assert.Equal("9 Profile Road", order.DeliveryAddress);
        Assert.Equal("Dee", order.CustomerName);
    }

    [Fact]
    public async Task Unavailable_dish_is_refused_with_409()
    {
        using var owner = host.As(host.Owner);
        var (restaurantId, menu) = await Kitchen.OpenAsync(owner);
        await owner.SendAsync(new PatchMenuItem { Id = menu["Noodles"].Id, IsAvailable = false });
        using var customer = host.As(host.Customer);
        var result = await customer.ApiAsync(Kitchen.Order(restaurantId, (menu["Noodles"], 1)));
        Assert.Equal(409, result.StatusCode);
        Assert.Equal("ItemUnavailable", result.ErrorCode);
    }

    [Fact]
    public async Task Sold_out_dish_is_refused_and_nothing_is_written()
    {
        using var owner = host.As(host.Owner);
        var (restaurantId, menu) = await Kitchen.OpenAsync(owner, stock: 2);
        using var customer = host.As(await host.CreateUserAsync(Roles.Customer));
        var tooMany = await customer.ApiAsync(Kitchen.Order(restaurantId, (menu["Noodles"], 1), (menu["Dumplings"], 3)));
        Assert.Equal(409, tooMany.StatusCode);
        Assert.Equal("SoldOut", tooMany.ErrorCode);
        Assert.Equal(2, (await owner.SendAsync(new QueryMyMenuItems { Id = menu["Dumplings"].Id })).Results.Single().StockLeft);
        Assert.Empty((await customer.SendAsync(new QueryMyOrders())).Results);
    }

    [Fact]
    public async Task Concurrent_orders_for_the_last_unit_exactly_one_wins()
    {
        using var owner = host.As(host.Owner);
        var (restaurantId, menu) = await Kitchen.OpenAsync(owner, stock: 1);
        var attempts = Enumerable.Range(0, 8).Select(async i =>
        {
            using var racer = host.As(i % 2 == 0 ? host.Customer : host.OtherCustomer);
            return await racer.ApiAsync(Kitchen.Order(restaurantId, (menu["Dumplings"], 1)));
        });
        var results = await Task.WhenAll(attempts);
        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => r.Failed), r => Assert.Equal("SoldOut", r.ErrorCode));
        Assert.Equal(0, (await owner.SendAsync(new QueryMyMenuItems { Id = menu["Dumplings"].Id })).Results.Single().StockLeft);
        Assert.Single((await owner.SendAsync(new QueryRestaurantOrders { RestaurantId = restaurantId })).Results);
    }
}

[Collection(SqliteApp.Name)]
public class SqliteOrderTests(SqliteMyAppFixture host) : OrderTests<SqliteMyAppFixture>(host);

[Collection(PostgreSqlApp.Name)]
public class PostgreSqlOrderTests(PostgreSqlMyAppFixture host) : OrderTests<PostgreSqlMyAppFixture>(host);
