using MyApp.ServiceModel;

namespace MyApp.Tests;

/// <summary>Reviews: the customer's own delivered orders, once each; the restaurant's rating follows.</summary>
public abstract class ReviewTests<THost>(THost host) where THost : MyAppFixture
{
    private async Task<(int RestaurantId, Order[] Orders)> DeliveredAsync(int count)
    {
        using var owner = host.As(host.Owner);
        using var courier = host.As(host.Courier);
        using var customer = host.As(host.Customer);
        var (restaurantId, menu) = await Kitchen.OpenAsync(owner);
        var orders = new List<Order>();
        for (var i = 0; i < count; i++)
        {
            var order = await customer.SendAsync(Kitchen.Order(restaurantId, (menu["Noodles"], 1)));
            await Kitchen.MoveAsync(owner, order.Id, OrderStatus.Accepted);
            await Kitchen.MoveAsync(owner, order.Id, OrderStatus.Preparing);
            await Kitchen.MoveAsync(courier, order.Id, OrderStatus.OutForDelivery);
            orders.Add(await Kitchen.MoveAsync(courier, order.Id, OrderStatus.Delivered));
        }
        return (restaurantId, [.. orders]);
    }

    [Fact]
    public async Task Reviews_of_delivered_orders_set_the_restaurants_rating_and_each_order_is_reviewed_once()
    {
        var (restaurantId, orders) = await DeliveredAsync(3);
        using var customer = host.As(host.Customer);
        var first = await customer.SendAsync(new ReviewOrder { OrderId = orders[0].Id, Rating = 5, Comment = "  Great  " });
        Assert.Equal(restaurantId, first.RestaurantId);
        Assert.Equal(host.Customer.Id, first.CustomerId);
        Assert.Equal("Great", first.Comment);
        await customer.SendAsync(new ReviewOrder { OrderId = orders[1].Id, Rating = 2 });
        await customer.SendAsync(new ReviewOrder { OrderId = orders[2].Id, Rating = 2 });

        var again = await customer.ApiAsync(new ReviewOrder { OrderId = orders[0].Id, Rating = 1 });
        Assert.Equal(409, again.StatusCode);
        Assert.Equal("AlreadyReviewed", again.ErrorCode);

        using var anonymous = host.CreateClient();
        var restaurant = (await anonymous.SendAsync(new QueryRestaurants { Ids = [restaurantId] })).Results.Single();
        Assert.Equal(3, restaurant.ReviewCount);
        Assert.Equal(3.00m, restaurant.Rating); // (5 + 2 + 2) / 3
        var reviews = (await anonymous.SendAsync(new QueryReviews { RestaurantId = restaurantId })).Results;
        Assert.Equal([2, 2, 5], reviews.Select(r => r.Rating)); // newest first
        Assert.Equal([5], (await anonymous.SendAsync(new QueryReviews { RestaurantId = restaurantId, MinRating = 4 })).Results.Select(r => r.Rating));
    }

    [Fact]
    public async Task Parallel_reviews_of_one_restaurant_all_count()
    {
        var (restaurantId, orders) = await DeliveredAsync(4);
        using var customer = host.As(host.Customer);
        await Task.WhenAll(orders.Select((o, i) => customer.SendAsync(new ReviewOrder { OrderId = o.Id, Rating = i + 1 })));
        using var anonymous = host.CreateClient();
        var restaurant = (await anonymous.SendAsync(new QueryRestaurants { Ids = [restaurantId] })).Results.Single();
        Assert.Equal(4, restaurant.ReviewCount);
        Assert.Equal(2.50m, restaurant.Rating);
    }

    [Fact]
    public async Task Only_the_customers_own_delivered_orders_can_be_reviewed()
    {
        var (_, delivered) = await DeliveredAsync(1);
        using var owner = host.As(host.Owner);
        using var customer = host.As(host.Customer);
        var (restaurantId, menu) = await Kitchen.OpenAsync(owner);
        var placed = await customer.SendAsync(Kitchen.Order(restaurantId, (menu["Noodles"], 1)));

        var early = await customer.ApiAsync(new ReviewOrder { OrderId = placed.Id, Rating = 4 });
        Assert.Equal(409, early.StatusCode);
        Assert.Equal("OrderNotDelivered", early.ErrorCode);

        using var other = host.As(host.OtherCustomer);
        var notTheirs = await other.ApiAsync(new ReviewOrder { OrderId = delivered[0].Id, Rating = 1 });
        Assert.Equal(404, notTheirs.StatusCode);
        Assert.Equal(404, (await owner.ApiAsync(new ReviewOrder { OrderId = delivered[0].Id, Rating = 1 })).StatusCode);

        foreach (var stars in new[] { 0, 6 })
        {
            var outOfRange = await customer.ApiAsync(new ReviewOrder { OrderId = delivered[0].Id, Rating = stars });
            Assert.Equal("InclusiveBetween", outOfRange.FieldError("Rating")?.ErrorCode);
        }
        Assert.Empty((await customer.SendAsync(new QueryMyReviews { OrderId = delivered[0].Id })).Results);
    }
}

[Collection(SqliteApp.Name)]
public class SqliteReviewTests(SqliteMyAppFixture host) : ReviewTests<SqliteMyAppFixture>(host);

[Collection(PostgreSqlApp.Name)]
public class PostgreSqlReviewTests(PostgreSqlMyAppFixture host) : ReviewTests<PostgreSqlMyAppFixture>(host);
