using BaaS;
using BaaS.Client;
using MyApp.ServiceModel;

namespace MyApp.Tests;

/// <summary>
/// Each role's allowed and forbidden operations: 401 for nobody, 403 for the wrong role, and other parties' rows
/// answer 404 (or are simply not in the results) so nobody learns they exist.
/// </summary>
public abstract class RoleAccessTests<THost>(THost host) where THost : MyAppFixture
{
    private static async Task<int> StatusOf<T>(JsonApiClient client, IReturn<T> request) => (await client.ApiAsync(request)).StatusCode;

    private static async Task<int> StatusOf(JsonApiClient client, IReturnVoid request) => (await client.ApiAsync(request)).StatusCode;

    [Fact]
    public async Task Anonymous_callers_browse_and_are_refused_everything_else_with_401()
    {
        using var anonymous = host.CreateClient();
        Assert.NotEmpty((await anonymous.SendAsync(new QueryRestaurants())).Results);
        Assert.NotEmpty((await anonymous.SendAsync(new QueryMenuItems())).Results);
        Assert.NotEmpty((await anonymous.SendAsync(new QueryReviews())).Results);

        Assert.Equal(401, await StatusOf(anonymous, new CreateRestaurant { Name = "X" }));
        Assert.Equal(401, await StatusOf(anonymous, new QueryMyRestaurants()));
        Assert.Equal(401, await StatusOf(anonymous, new CreateMenuItem { RestaurantId = 1, Name = "X", Price = 1 }));
        Assert.Equal(401, await StatusOf(anonymous, new QueryMyOrders()));
        Assert.Equal(401, await StatusOf(anonymous, new QueryRestaurantOrders()));
        Assert.Equal(401, await StatusOf(anonymous, new QueryAvailableOrders()));
        Assert.Equal(401, await StatusOf(anonymous, new QueryMyDeliveries()));
        Assert.Equal(401, await StatusOf(anonymous, new QueryMyProfile()));
        Assert.Equal(401, await StatusOf(anonymous, new CreateMyProfile { DisplayName = "X" }));
        Assert.Equal(401, await StatusOf(anonymous, new ReviewOrder { OrderId = 1, Rating = 5 }));
        Assert.Equal(401, await StatusOf(anonymous, new AdminQueryOrders()));
        Assert.Equal(401, await StatusOf(anonymous, new DeleteRestaurant { Id = 1 }));
    }

    [Fact]
    public async Task Customers_order_and_keep_a_profile_but_are_refused_owner_courier_and_admin_apis_with_403()
    {
        using var customer = host.As(host.Customer);
        Assert.Equal(200, await StatusOf(customer, new QueryMyOrders()));
        Assert.Equal(200, await StatusOf(customer, new QueryMyReviews()));

        Assert.Equal(403, await StatusOf(customer, new CreateRestaurant { Name = "Mine now" }));
        Assert.Equal(403, await StatusOf(customer, new QueryMyRestaurants()));
        Assert.Equal(403, await StatusOf(customer, new PatchRestaurant { Id = 1, IsOpen = false }));
        Assert.Equal(403, await StatusOf(customer, new CreateMenuItem { RestaurantId = 1, Name = "X", Price = 1 }));
        Assert.Equal(403, await StatusOf(customer, new DeleteMenuItem { Id = 1 }));
        Assert.Equal(403, await StatusOf(customer, new QueryRestaurantOrders()));
        Assert.Equal(403, await StatusOf(customer, new QueryAvailableOrders()));
        Assert.Equal(403, await StatusOf(customer, new QueryMyDeliveries()));
        Assert.Equal(403, await StatusOf(customer, new AdminQueryOrders()));
        Assert.Equal(403, await StatusOf(customer, new AdminQueryProfiles()));
        Assert.Equal(403, await StatusOf(customer, new AdminPatchRestaurant { Id = 1, IsOpen = false }));
    }

    [Fact]
    public async Task Owners_manage_restaurants_and_are_refused_courier_and_admin_apis_with_403()
    {
        using var owner = host.As(host.Owner);
        var (restaurantId, _) = await Kitchen.OpenAsync(owner);
        Assert.Contains((await owner.SendAsync(new QueryMyRestaurants())).Results, r => r.Id == restaurantId);
        Assert.Equal(403, await StatusOf(owner, new QueryAvailableOrders()));
        Assert.Equal(403, await StatusOf(owner, new QueryMyDeliveries()));
        Assert.Equal(403, await StatusOf(owner, new AdminQueryRestaurants()));
        Assert.Equal(403, await StatusOf(owner, new AdminQueryReviews()));
    }

    [Fact]
    public async Task Couriers_see_pickups_and_their_deliveries_and_are_refused_owner_and_admin_apis_with_403()
    {
        using var courier = host.As(host.Courier);
        Assert.Equal(200, await StatusOf(courier, new QueryAvailableOrders()));
        Assert.Equal(200, await StatusOf(courier, new QueryMyDeliveries()));
        Assert.Equal(403, await StatusOf(courier, new CreateRestaurant { Name = "X" }));
        Assert.Equal(403, await StatusOf(courier, new QueryRestaurantOrders()));
        Assert.Equal(403, await StatusOf(courier, new QueryMyMenuItems()));
        Assert.Equal(403, await StatusOf(courier, new AdminQueryDeliveries()));
    }

    [Fact]
    public async Task Admins_see_every_row_including_retired_restaurants_and_other_peoples_orders()
    {
        using var owner = host.As(host.Owner);
        using var customer = host.As(host.Customer);
        using var admin = host.As(host.Admin);
        var (restaurantId, menu) = await Kitchen.OpenAsync(owner);
        var order = await customer.SendAsync(Kitchen.Order(restaurantId, (menu["Noodles"], 1)));
        await owner.SendAsync(new DeleteRestaurant { Id = restaurantId });

        var retired = (await admin.SendAsync(new AdminQueryRestaurants { Id = restaurantId })).Results.Single();
        Assert.NotNull(retired.DeletedDate);
        Assert.Equal(host.Owner.Email, retired.DeletedBy);
        Assert.Equal(host.Customer.Id, (await admin.SendAsync(new AdminQueryOrders { Id = order.Id })).Results.Single().CustomerId);
        Assert.Equal(2, (await admin.SendAsync(new AdminQueryMenuItems { RestaurantId = restaurantId })).Results.Count);
        Assert.NotEmpty((await admin.SendAsync(new AdminQueryReviews())).Results);
        Assert.Equal("1", (await admin.SendAsync(new AdminPatchRestaurant { Id = 1, Name = "Thai Palace" })).Id);
        // Admin has every role, so owner-only and courier-only APIs let it in (scoped to its own rows).
        Assert.Empty((await admin.SendAsync(new QueryMyRestaurants())).Results);
        Assert.Equal(200, await StatusOf(admin, new QueryAvailableOrders()));
    }

    [Fact]
    public async Task A_customer_cannot_read_or_change_another_customers_orders_profile_or_reviews()
    {
        using var owner = host.As(host.Owner);
        using var customer = host.As(host.Customer);
        using var other = host.As(host.OtherCustomer);
        var (restaurantId, menu) = await Kitchen.OpenAsync(owner);
        var order = await customer.SendAsync(Kitchen.Order(restaurantId, (menu["Noodles"], 1)));

        Assert.Empty((await other.SendAsync(new QueryMyOrders { Id = order.Id })).Results);
        Assert.DoesNotContain((await other.SendAsync(new QueryMyOrders())).Results, o => o.Id == order.Id);
        Assert.Equal(404, await StatusOf(other, new UpdateOrderStatus { Id = order.Id, Status = OrderStatus.Cancelled }));

        var mine = await host.CreateUserAsync(Roles.Customer);
        using var me = host.As(mine);
        var profileId = int.Parse((await me.SendAsync(new CreateMyProfile { DisplayName = "Me", Phone = "+44 20 7946 0000" })).Id!);
        Assert.DoesNotContain((await other.SendAsync(new QueryMyProfile())).Results, p => p.Id == profileId);
        var patched = await other.ApiAsync(new PatchMyProfile { Id = profileId, DisplayName = "Hijacked" });
        Assert.Equal(404, patched.StatusCode);
        var profile = (await me.SendAsync(new QueryMyProfile())).Results.Single();
        Assert.Equal("Me", profile.DisplayName);
        Assert.Equal(mine.Id, profile.UserId);
        Assert.Equal(profileId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            (await me.SendAsync(new PatchMyProfile { Id = profileId, DefaultAddress = "4 New St" })).Id);
        Assert.Equal("4 New St", (await me.SendAsync(new QueryMyProfile())).Results.Single().DefaultAddress);

        var second = await me.ApiAsync(new CreateMyProfile { DisplayName = "Me again" });
        Assert.Equal(409, second.StatusCode);
        var badPhone = await me.ApiAsync(new PatchMyProfile { Id = profileId, Phone = "call me" });
        Assert.Equal("RegularExpression", badPhone.FieldError("Phone")?.ErrorCode);
    }

    [Fact]
    public async Task An_owner_cannot_touch_another_owners_restaurant_menu_or_orders()
    {
        using var owner = host.As(host.Owner);
        using var other = host.As(host.OtherOwner);
        using var customer = host.As(host.Customer);
        var (restaurantId, menu) = await Kitchen.OpenAsync(owner);
        var order = await customer.SendAsync(Kitchen.Order(restaurantId, (menu["Noodles"], 1)));

        Assert.Equal(404, await StatusOf(other, new PatchRestaurant { Id = restaurantId, Name = "Taken over" }));
        Assert.Equal(404, await StatusOf(other, new DeleteRestaurant { Id = restaurantId }));
        Assert.Equal(404, await StatusOf(other, new PatchMenuItem { Id = menu["Noodles"].Id, Price = 0.01m }));
        Assert.Equal(404, await StatusOf(other, new DeleteMenuItem { Id = menu["Noodles"].Id }));
        Assert.Equal(404, await StatusOf(other, new UpdateOrderStatus { Id = order.Id, Status = OrderStatus.Accepted }));

        // A dish on someone else's menu is refused exactly as on a menu that does not exist.
        var foreign = await other.ApiAsync(new CreateMenuItem { RestaurantId = restaurantId, Name = "Intruder", Price = 1 });
        var missing = await other.ApiAsync(new CreateMenuItem { RestaurantId = 999_999, Name = "Ghost", Price = 1 });
        Assert.Equal(400, foreign.StatusCode);
        Assert.Equal("NotYourRestaurant", foreign.FieldError("RestaurantId")?.ErrorCode);
        Assert.Equal($"You have no restaurant {restaurantId}.", foreign.FieldErrorMessage("RestaurantId"));
        Assert.Equal("NotYourRestaurant", missing.FieldError("RestaurantId")?.ErrorCode);

        Assert.DoesNotContain((await other.SendAsync(new QueryMyRestaurants())).Results, r => r.Id == restaurantId);
        Assert.Empty((await other.SendAsync(new QueryMyMenuItems { RestaurantId = restaurantId })).Results);
        Assert.Empty((await other.SendAsync(new QueryRestaurantOrders { Id = order.Id })).Results);

        var mine = (await owner.SendAsync(new QueryMyRestaurants { Id = restaurantId })).Results.Single();
        Assert.StartsWith("Test Kitchen", mine.Name);
        Assert.Equal(8.40m, (await owner.SendAsync(new QueryMyMenuItems { Id = menu["Noodles"].Id })).Results.Single().Price);
        Assert.Single((await owner.SendAsync(new QueryRestaurantOrders { Id = order.Id })).Results);
    }

    [Fact]
    public async Task A_courier_sees_only_their_own_deliveries()
    {
        using var owner = host.As(host.Owner);
        using var customer = host.As(host.Customer);
        using var courier = host.As(host.Courier);
        using var other = host.As(host.OtherCourier);
        var (restaurantId, menu) = await Kitchen.OpenAsync(owner);
        var order = await customer.SendAsync(Kitchen.Order(restaurantId, (menu["Noodles"], 1)));
        await Kitchen.MoveAsync(owner, order.Id, OrderStatus.Accepted);
        await Kitchen.MoveAsync(owner, order.Id, OrderStatus.Preparing);
        await Kitchen.MoveAsync(courier, order.Id, OrderStatus.OutForDelivery);

        Assert.Single((await courier.SendAsync(new QueryMyDeliveries { OrderId = order.Id, DeliveredAtIsNull = true })).Results);
        Assert.Empty((await other.SendAsync(new QueryMyDeliveries { OrderId = order.Id })).Results);
        Assert.DoesNotContain((await other.SendAsync(new QueryAvailableOrders())).Results, o => o.Id == order.Id);
    }

    [Fact]
    public async Task Public_queries_show_no_owner_customer_or_audit_columns_and_cannot_be_made_to()
    {
        using var http = host.CreateHttp();
        var restaurants = await http.GetStringAsync("/restaurants");
        var reviews = await http.GetStringAsync("/reviews");
        var menu = await http.GetStringAsync("/menu-items");
        foreach (var body in new[] { restaurants, reviews, menu })
        {
            Assert.DoesNotContain("ownerId", body);
            Assert.DoesNotContain("customerId", body);
            Assert.DoesNotContain("createdBy", body);
            Assert.DoesNotContain("@", body);
        }
        foreach (var probe in new[] { "/reviews?include=Max(CreatedBy)", "/restaurants?orderBy=CreatedBy", "/reviews?customerId=" + host.Customer.Id, "/menu-items?ownerId=" + host.Owner.Id })
        {
            using var response = await http.GetAsync(probe);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode == 400, $"{probe}: {text}");
            Assert.Contains("InvalidField", text);
            Assert.DoesNotContain("@", text);
        }
    }

    [Fact]
    public async Task The_configured_admin_is_the_admin_and_no_demo_admin_is_made()
    {
        Assert.DoesNotContain("admin@example.com", host.DemoPasswords().Keys);
        using var admin = host.As(host.Admin);
        var demoAdmin = await admin.SendAsync(new AdminQueryUsers { Search = "admin@example.com" });
        Assert.Empty(demoAdmin.Results);
    }
}

[Collection(SqliteApp.Name)]
public class SqliteRoleAccessTests(SqliteMyAppFixture host) : RoleAccessTests<SqliteMyAppFixture>(host);

[Collection(PostgreSqlApp.Name)]
public class PostgreSqlRoleAccessTests(PostgreSqlMyAppFixture host) : RoleAccessTests<PostgreSqlMyAppFixture>(host);
