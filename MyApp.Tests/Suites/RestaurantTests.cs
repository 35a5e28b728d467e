using MyApp.ServiceModel;

namespace MyApp.Tests;

/// <summary>Owners manage restaurants and menus through declared CRUD APIs; anyone browses what is open.</summary>
public abstract class RestaurantTests<THost>(THost host) where THost : MyAppFixture
{
    [Fact]
    public async Task Open_restaurants_are_listed_best_rated_first_and_filter_by_cuisine_rating_name_and_speed()
    {
        using var anonymous = host.CreateClient();
        var all = (await anonymous.SendAsync(new QueryRestaurants { Take = 100 })).Results;
        Assert.All(all, r => Assert.True(r.IsOpen));
        Assert.DoesNotContain(all, r => r.Name == "Tokyo Table"); // the closed demo restaurant
        Assert.Equal(all.OrderByDescending(r => r.Rating).ThenBy(r => r.Name, StringComparer.Ordinal).Select(r => r.Id), all.Select(r => r.Id));

        var thai = (await anonymous.SendAsync(new QueryRestaurants { CuisineContains = "THAI" })).Results;
        Assert.Contains(thai, r => r.Name == "Thai Palace" && r.ReviewCount >= 2); // the tour may have reviewed it again
        Assert.All(thai, r => Assert.Contains("thai", r.Cuisine, StringComparison.OrdinalIgnoreCase));
        Assert.All((await anonymous.SendAsync(new QueryRestaurants { RatingGreaterThan = 4.2m })).Results, r => Assert.True(r.Rating > 4.2m));
        Assert.Equal(["Napoli Express"], (await anonymous.SendAsync(new QueryRestaurants { NameContains = "napoli" })).Results.Select(r => r.Name));
        Assert.All((await anonymous.SendAsync(new QueryRestaurants { DeliveryMinutesLessThan = 26 })).Results, r => Assert.True(r.DeliveryMinutes < 26));
    }

    [Fact]
    public async Task An_owners_new_restaurant_is_theirs_audited_and_public_while_open()
    {
        using var owner = host.As(host.Owner);
        var name = "Curry House " + Guid.NewGuid().ToString("N")[..6];
        var id = int.Parse((await owner.SendAsync(new CreateRestaurant { Name = name, Cuisine = "Indian", Address = "7 Spice Row", DeliveryFee = 1.5m, IsOpen = true })).Id!);
        var mine = (await owner.SendAsync(new QueryMyRestaurants { Id = id })).Results.Single();
        Assert.Equal(host.Owner.Id, mine.OwnerId);
        Assert.Equal(host.Owner.Email, mine.CreatedBy);
        Assert.Equal(30, mine.DeliveryMinutes); // the DTO's default
        Assert.Equal(0m, mine.Rating);

        using var anonymous = host.CreateClient();
        Assert.Single((await anonymous.SendAsync(new QueryRestaurants { NameContains = name })).Results);

        Assert.Equal(id.ToString(System.Globalization.CultureInfo.InvariantCulture), (await owner.SendAsync(new PatchRestaurant { Id = id, IsOpen = false })).Id);
        Assert.Empty((await anonymous.SendAsync(new QueryRestaurants { NameContains = name })).Results);
        var closed = (await owner.SendAsync(new QueryMyRestaurants { Id = id })).Results.Single();
        Assert.Equal("Indian", closed.Cuisine); // a patch keeps what it was not sent
        Assert.Equal("7 Spice Row", closed.Address);
        Assert.False(closed.IsOpen);
    }

    [Fact]
    public async Task Invalid_restaurant_and_dish_input_answers_400_naming_every_field()
    {
        using var owner = host.As(host.Owner);
        var bad = await owner.ApiAsync(new CreateRestaurant { Name = " ", Cuisine = new string('x', 51), DeliveryMinutes = 2, DeliveryFee = -1 });
        Assert.Equal(400, bad.StatusCode);
        Assert.Equal("NotEmpty", bad.FieldError("Name")?.ErrorCode);
        Assert.Equal("MaximumLength", bad.FieldError("Cuisine")?.ErrorCode);
        Assert.Equal("InclusiveBetween", bad.FieldError("DeliveryMinutes")?.ErrorCode);
        Assert.Equal("GreaterThanOrEqual", bad.FieldError("DeliveryFee")?.ErrorCode);

        var (restaurantId, menu) = await Kitchen.OpenAsync(owner);
        var dish = await owner.ApiAsync(new CreateMenuItem { RestaurantId = restaurantId, Name = "", Price = 0, StockLeft = -1 });
        Assert.Equal("NotEmpty", dish.FieldError("Name")?.ErrorCode);
        Assert.Equal("GreaterThan", dish.FieldError("Price")?.ErrorCode);
        Assert.Equal("GreaterThanOrEqual", dish.FieldError("StockLeft")?.ErrorCode);
        var patch = await owner.ApiAsync(new PatchMenuItem { Id = menu["Noodles"].Id, Price = 1.999m });
        Assert.Equal("ScalePrecision", patch.FieldError("Price")?.ErrorCode);
        var nothing = await owner.ApiAsync(new PatchRestaurant { Id = restaurantId });
        Assert.Equal("NothingToChange", nothing.ErrorCode);
        Assert.Equal(2, (await owner.SendAsync(new QueryMyMenuItems { RestaurantId = restaurantId })).Results.Count);
    }

    [Fact]
    public async Task The_public_menu_shows_available_dishes_of_open_restaurants_and_deleted_dishes_stay_in_past_orders()
    {
        using var owner = host.As(host.Owner);
        using var customer = host.As(host.Customer);
        using var anonymous = host.CreateClient();
        var (restaurantId, menu) = await Kitchen.OpenAsync(owner, stock: 4);
        var dishes = (await anonymous.SendAsync(new QueryMenuItems { RestaurantId = restaurantId })).Results;
        Assert.Equal(["Dumplings", "Noodles"], dishes.Select(d => d.Name));
        Assert.All(dishes, d => Assert.StartsWith("Test Kitchen", d.RestaurantName));
        Assert.Equal(4, dishes[0].StockLeft);
        Assert.Null(dishes[1].StockLeft);
        Assert.Equal(["Dumplings"], (await anonymous.SendAsync(new QueryMenuItems { RestaurantId = restaurantId, PriceLessThan = 6 })).Results.Select(d => d.Name));

        var order = await customer.SendAsync(Kitchen.Order(restaurantId, (menu["Noodles"], 1)));
        await owner.SendAsync(new PatchMenuItem { Id = menu["Dumplings"].Id, IsAvailable = false });
        await owner.SendAsync(new DeleteMenuItem { Id = menu["Noodles"].Id });
        Assert.Empty((await anonymous.SendAsync(new QueryMenuItems { RestaurantId = restaurantId })).Results);
        Assert.Equal(["Dumplings"], (await owner.SendAsync(new QueryMyMenuItems { RestaurantId = restaurantId })).Results.Select(d => d.Name));
        Assert.Equal(404, (await owner.ApiAsync(new PatchMenuItem { Id = menu["Noodles"].Id, Price = 9 })).StatusCode); // deleted is gone for writes
        Assert.Equal("Noodles", (await customer.SendAsync(new QueryMyOrders { Id = order.Id })).Results.Single().Items.Single().Name);

        await owner.SendAsync(new PatchMenuItem { Id = menu["Dumplings"].Id, IsAvailable = true });
        await owner.SendAsync(new PatchRestaurant { Id = restaurantId, IsOpen = false });
        Assert.Empty((await anonymous.SendAsync(new QueryMenuItems { RestaurantId = restaurantId })).Results);
    }

    [Fact]
    public async Task A_retired_restaurant_leaves_every_list_but_keeps_its_orders()
    {
        using var owner = host.As(host.Owner);
        using var customer = host.As(host.Customer);
        using var anonymous = host.CreateClient();
        var (restaurantId, menu) = await Kitchen.OpenAsync(owner);
        var order = await customer.SendAsync(Kitchen.Order(restaurantId, (menu["Noodles"], 1)));
        await owner.SendAsync(new DeleteRestaurant { Id = restaurantId });

        Assert.Empty((await anonymous.SendAsync(new QueryRestaurants { Ids = [restaurantId] })).Results);
        Assert.Empty((await anonymous.SendAsync(new QueryMenuItems { RestaurantId = restaurantId })).Results);
        Assert.Empty((await owner.SendAsync(new QueryMyRestaurants { Id = restaurantId })).Results);
        Assert.Equal(404, (await owner.ApiAsync(new DeleteRestaurant { Id = restaurantId })).StatusCode);
        Assert.Equal(404, (await owner.ApiAsync(new PatchRestaurant { Id = restaurantId, IsOpen = true })).StatusCode);
        var refused = await owner.ApiAsync(new CreateMenuItem { RestaurantId = restaurantId, Name = "Late", Price = 1 });
        Assert.Equal("NotYourRestaurant", refused.FieldError("RestaurantId")?.ErrorCode);
        Assert.Single((await customer.SendAsync(new QueryMyOrders { Id = order.Id })).Results);
    }
}

[Collection(SqliteApp.Name)]
public class SqliteRestaurantTests(SqliteMyAppFixture host) : RestaurantTests<SqliteMyAppFixture>(host);

[Collection(PostgreSqlApp.Name)]
public class PostgreSqlRestaurantTests(PostgreSqlMyAppFixture host) : RestaurantTests<PostgreSqlMyAppFixture>(host);
