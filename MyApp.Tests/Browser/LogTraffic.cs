using System.Diagnostics;
using BaaS;
using BaaS.Client;
using MyApp.ServiceModel;

namespace MyApp.Tests;

/// <summary>
/// Calls that MyApp's users make for the log pages' tests to find: a new customer reads restaurants, is refused a
/// restaurant (403, not an owner) and an order without dishes (400), makes a read-only API key and with it reads their
/// orders and is refused an order (403, the key's scope); a new owner is refused a restaurant without a name (400) and
/// opens one; someone signs in as the customer with a wrong password (401). Every refusal is a 4xx: nothing fails on
/// the server. Waits until the log holds every one of these calls.
/// </summary>
public sealed record LogTraffic(TestUser Customer, TestUser Owner, long ApiKeyId, string WrongPassword, DateTime Start)
{
    /// <summary>The customer's calls (with the key's): 3 answered 200, 3 refused with a 4xx.</summary>
    public const int CustomerCalls = 6;

    /// <summary>The owner's calls: one refused, one answered.</summary>
    public const int OwnerCalls = 2;

    public static async Task<LogTraffic> MakeAsync(MyAppFixture host)
    {
        var start = DateTime.UtcNow.AddSeconds(-1);
        var customer = await host.CreateUserAsync(Roles.Customer);
        var owner = await host.CreateUserAsync(Roles.Owner);
        long keyId;
        using (var client = host.As(customer))
        {
            await client.SendAsync(new QueryRestaurants { Take = 5 });
            Assert.Equal(403, (await client.ApiAsync(new CreateRestaurant { Name = "Not an owner's" })).StatusCode);
            Assert.Equal(400, (await client.ApiAsync(new PlaceOrder { RestaurantId = 0, Items = [] })).StatusCode);
            var key = await client.SendAsync(new CreateUserApiKey { Name = "log pages", Scopes = [ApiScopes.OrdersRead] });
            keyId = key.Result.Id;
            using var machine = new JsonApiClient(host.BaseUrl) { BearerToken = key.Key };
            await machine.SendAsync(new QueryMyOrders());
            Assert.Equal(403, (await machine.ApiAsync(new PlaceOrder { RestaurantId = 1, Items = [new() { MenuItemId = 1, Quantity = 1 }] })).StatusCode);
        }
        using (var client = host.As(owner))
        {
            Assert.Equal(400, (await client.ApiAsync(new CreateRestaurant { Name = "" })).StatusCode);
            await client.SendAsync(new CreateRestaurant { Name = "Log Pages " + Guid.NewGuid().ToString("N")[..6], DeliveryFee = 1m, IsOpen = true });
        }
        var wrong = "wrong-" + Guid.NewGuid().ToString("N")[..12];
        using (var anonymous = host.CreateClient())
            Assert.Equal(401, (await anonymous.ApiAsync(new Authenticate { Provider = "credentials", UserName = customer.Email, Password = wrong })).StatusCode);

        var traffic = new LogTraffic(customer, owner, keyId, wrong, start);
        await traffic.RowsAsync(host, new AdminQueryRequestLogs { UserId = customer.Id.ToString() }, CustomerCalls);
        await traffic.RowsAsync(host, new AdminQueryRequestLogs { UserId = owner.Id.ToString() }, OwnerCalls);
        await traffic.FailedSignInAsync(host);
        return traffic;
    }

    /// <summary>The rows of <paramref name="query"/> since the traffic started, once <paramref name="count"/> of them match <paramref name="match"/>.</summary>
    public async Task<List<RequestLog>> RowsAsync(MyAppFixture host, AdminQueryRequestLogs query, int count, Func<RequestLog, bool>? match = null)
    {
        using var admin = host.As(host.Admin);
        query.From = Start;
        query.Take = 100;
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var rows = (await admin.SendAsync(query)).Results;
            var found = rows.Count(match ?? (_ => true));
            if (found >= count) return rows;
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"The log has {found} of the {count} rows expected within 30 s.");
            await Task.Delay(50);
        }
    }

    /// <summary>The row of the wrong sign-in, found by the customer's address in its body.</summary>
    public async Task<RequestLog> FailedSignInAsync(MyAppFixture host)
    {
        bool Mine(RequestLog r) => r.RequestBody?.Contains(Customer.Email, StringComparison.Ordinal) == true;
        return (await RowsAsync(host, new AdminQueryRequestLogs { Operation = nameof(Authenticate), StatusCode = 401 }, 1, Mine)).Single(Mine);
    }

    /// <summary>
    /// Waits until the log wrote every row it recorded (the writer works off the request path): the request log's
    /// counters on this node say so.
    /// </summary>
    public static async Task FlushedAsync(MyAppFixture host)
    {
        using var admin = host.As(host.Admin);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var stats = await admin.SendAsync(new AdminGetRequestLogStats());
            if (stats.Pending == 0 && stats.Recorded == stats.Written + stats.Dropped + stats.Failed) return;
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"The log did not write its rows within 30 s: {stats.Pending} pending.");
            await Task.Delay(50);
        }
    }
}
