using System.Diagnostics;
using System.Text.Json;
using BaaS;
using BaaS.Client;
using BaaS.Data;
using BaaS.Jobs;
using BaaS.Text;
using Microsoft.Extensions.DependencyInjection;
using MyApp.ServiceInterface.Jobs;
using MyApp.ServiceModel;

namespace MyApp.Tests;

/// <summary>MyApp's background jobs: what placing an order queues, and the recurring sweep of stale orders.</summary>
public abstract class OrderJobTests<THost>(THost host) where THost : MyAppFixture
{
    private async Task<(int RestaurantId, MenuItem Dish)> NewRestaurantAsync(int? stock = null)
    {
        using var owner = host.As(host.Owner);
        var id = int.Parse((await owner.SendAsync(new CreateRestaurant { Name = "Jobs Kitchen " + Guid.NewGuid().ToString("N")[..6], DeliveryFee = 1m, IsOpen = true })).Id!);
        await owner.SendAsync(new CreateMenuItem { RestaurantId = id, Name = "Ramen", Price = 9.50m, StockLeft = stock });
        return (id, (await owner.SendAsync(new QueryMyMenuItems { RestaurantId = id })).Results.Single());
    }

    private async Task<int?> StockOfAsync(int dishId)
    {
        using var owner = host.As(host.Owner);
        return (await owner.SendAsync(new QueryMyMenuItems { Id = dishId })).Results.Single().StockLeft;
    }

    private async Task<OrderStatus> StatusOfAsync(int orderId)
    {
        using var customer = host.As(host.Customer);
        return (await customer.SendAsync(new QueryMyOrders { Id = orderId })).Results.Single().Status;
    }

    private async Task<List<JobInfo>> JobsTaggedAsync(string tag, int count)
    {
        var clock = Stopwatch.StartNew();
        using var scope = host.Services.CreateScope();
        var jobs = scope.ServiceProvider.GetRequiredService<IBackgroundJobs>();
        while (true)
        {
            await using var db = await host.Services.GetRequiredService<IDbConnectionFactory>().OpenAsync("jobs");
            var found = new List<JobInfo>();
            foreach (var id in await db.ColumnAsync<long>("SELECT id FROM baas_job WHERE tag = @tag ORDER BY id", new { tag }))
                found.Add((await jobs.GetJobAsync(id))!);
            if (found.Count == count && found.All(j => j.State == JobState.Completed)) return found;
            if (clock.Elapsed > TimeSpan.FromSeconds(20))
                Assert.Fail($"The jobs tagged {tag} did not complete: {string.Join(", ", found.Select(j => $"{j.Command} {j.State} {j.ErrorMessage}"))}");
            await Task.Delay(25);
        }
    }

    private async Task<JobInfo> CompletedAsync(long id)
    {
        var clock = Stopwatch.StartNew();
        using var scope = host.Services.CreateScope();
        var jobs = scope.ServiceProvider.GetRequiredService<IBackgroundJobs>();
        while (true)
        {
            var job = (await jobs.GetJobAsync(id))!;
            if (job.State == JobState.Completed) return job;
            if (clock.Elapsed > TimeSpan.FromSeconds(20)) Assert.Fail($"Job {id} is {job.State}: {job.ErrorMessage}");
            await Task.Delay(25);
        }
    }

    [Fact]
    public async Task Placing_an_order_queues_its_confirmation_email_and_the_restaurant_notification()
    {
        var (restaurantId, dish) = await NewRestaurantAsync();
        using var customer = host.As(host.Customer);
        var order = await customer.SendAsync(new PlaceOrder
        {
            RestaurantId = restaurantId, DeliveryAddress = "2 Oak Rd", Items = [new() { MenuItemId = dish.Id, Quantity = 2 }],
        });

        var jobs = await JobsTaggedAsync($"order-{order.Id}", 2);
        var email = jobs.Single(j => j.Command == nameof(SendOrderConfirmationCommand));
        var sent = JsonSerializer.Deserialize<EmailMessage>(email.Result!, JsonProtocol.Options)!;
        Assert.Equal(host.Customer.Email, sent.To);
        Assert.Equal(host.Customer.Id.ToString(), sent.UserId);
        Assert.Equal($"Your order {order.Id} is placed", sent.Subject);
        Assert.Contains("2 x Ramen  19.00", sent.TextBody);
        Assert.Contains("total 20.00", sent.TextBody);
        Assert.Contains($"Hello {order.CustomerName},", sent.TextBody);
        Assert.Contains($"Sent the confirmation of order {order.Id} to {host.Customer.Email}", email.Log);

        var notice = jobs.Single(j => j.Command == nameof(NotifyRestaurantCommand));
        Assert.Equal($"restaurant-{restaurantId}", notice.Worker);
        Assert.Equal($"\"New order {order.Id} for {order.CustomerName}: 2 x Ramen\"", notice.Result);
    }

    [Fact]
    public async Task Placing_an_order_twice_with_one_idempotency_key_makes_one_order_one_stock_change_and_its_jobs_once()
    {
        var (restaurantId, dish) = await NewRestaurantAsync(stock: 10);
        using var customer = host.As(host.Customer);
        var request = new PlaceOrder { RestaurantId = restaurantId, DeliveryAddress = "4 Ash Ln", Items = [new() { MenuItemId = dish.Id, Quantity = 2 }] };
        var key = Guid.NewGuid().ToString();
        var order = await customer.SendAsync(request, key);
        var retried = await customer.SendAsync(request, key); // a retry after a lost answer

        Assert.Equal(order.Id, retried.Id);
        Assert.Equal(order.Items.Select(i => i.Id), retried.Items.Select(i => i.Id));
        Assert.Equal(8, await StockOfAsync(dish.Id));
        await using (var db = await host.Services.GetRequiredService<IDbConnectionFactory>().OpenAsync())
            Assert.Equal(1, await db.CountAsync<Order>(o => o.RestaurantId == restaurantId));
        Assert.Equal(2, (await JobsTaggedAsync($"order-{order.Id}", 2)).Count);
    }

    [Fact]
    public async Task The_recurring_sweep_closes_orders_nobody_accepted_and_puts_their_stock_back()
    {
        using var scope = host.Services.CreateScope();
        var jobs = scope.ServiceProvider.GetRequiredService<IBackgroundJobs>();
        var sweep = (await jobs.GetSchedulesAsync()).Single(s => s.Name == "close-stale-orders");
        Assert.Equal("*/5 * * * *", sweep.Schedule);
        Assert.Equal(nameof(CloseStaleOrdersCommand), sweep.Command);
        Assert.False(sweep.Paused);

        var (restaurantId, dish) = await NewRestaurantAsync(stock: 10);
        PlaceOrder Order() => new()
        {
            RestaurantId = restaurantId, DeliveryAddress = "3 Elm St", Items = [new() { MenuItemId = dish.Id, Quantity = 3 }],
        };
        using var customer = host.As(host.Customer);
        var stale = await customer.SendAsync(Order());
        var fresh = await customer.SendAsync(Order());
        await using (var db = await host.Services.GetRequiredService<IDbConnectionFactory>().OpenAsync())
        {
            var twoHoursAgo = DateTime.UtcNow.AddHours(-2);
            await db.UpdateOnlyAsync(() => new Order { PlacedAt = twoHoursAgo }, where: o => o.Id == stale.Id);
        }

        var run = await jobs.RunScheduleNowAsync("close-stale-orders");
        var done = await CompletedAsync(run.Id);
        Assert.Equal("1", done.Result);
        Assert.Equal(OrderStatus.Cancelled, await StatusOfAsync(stale.Id));
        Assert.Equal(OrderStatus.Placed, await StatusOfAsync(fresh.Id));
        Assert.Equal(7, await StockOfAsync(dish.Id));
    }
}

[Collection(SqliteApp.Name)]
public class SqliteOrderJobTests(SqliteMyAppFixture host) : OrderJobTests<SqliteMyAppFixture>(host);

[Collection(PostgreSqlApp.Name)]
public class PostgreSqlOrderJobTests(PostgreSqlMyAppFixture host) : OrderJobTests<PostgreSqlMyAppFixture>(host);
