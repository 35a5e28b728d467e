using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using BaaS;
using BaaS.Client;
using BaaS.Data;
using Microsoft.Extensions.Configuration;
using MyApp.ServiceModel;

namespace MyApp.Tests;

/// <summary>
/// Part of the reliability harness: MyApp in a process of its own, with customers placing orders from several clients
/// at once, killed with SIGKILL three times mid-write. After each restart every acknowledged order is there with its
/// lines, its stock change and its two jobs; nothing is half-written; and retrying the unacknowledged requests with
/// their Idempotency-Keys makes no duplicate.
/// </summary>
public abstract class OrderCrashTests(TestDatabaseKind kind)
{
    private const int Writers = 4;
    private const int Kills = 3;
    private const int AcknowledgedBeforeKill = 12;
    private const int InitialStock = 100_000;

    private readonly ConcurrentDictionary<string, Order> _acknowledged = new();
    private readonly ConcurrentDictionary<string, PlaceOrder> _unacknowledged = new();

    [Fact]
    public async Task Orders_acknowledged_before_a_kill_survive_whole_with_their_jobs_and_retries_with_their_keys_make_no_duplicate()
    {
        await using var database = await TestDatabase.CreateAsync(kind, "myapp_crash");
        var (adminEmail, adminPassword) = ($"admin-{Guid.NewGuid():N}"[..16] + "@tests.example", MyAppTestServer.NewPassword());
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:DefaultConnection"] = database.ConnectionString,
            ["Auth:Jwt:Secret"] = RandomNumberGenerator.GetHexString(64),
            ["Auth:Admin:Email"] = adminEmail,
            ["Auth:Admin:Password"] = adminPassword,
            ["Auth:RateLimit:PermitLimit"] = "100000",
            // One customer writes orders as fast as four clients can: no rate limit may stop it.
            ["BaaS:RateLimits:Default:PermitLimit"] = "1000000",
            ["BaaS:RateLimits:Policies:PlaceOrder:PermitLimit"] = "1000000",
            ["Auth:PasswordHashIterations"] = "1000",
            ["Jobs:ArchiveAfter"] = "01:00:00",
            // A request cut off by the kill leaves its key in progress: a retry may take it over after this.
            ["Idempotency:InProgressTimeout"] = "00:00:02",
        };

        var app = await MyAppProcess.StartAsync(settings);
        var (customer, restaurantId, dishes) = await PrepareAsync(app.BaseUrl, adminEmail, adminPassword);
        for (var kill = 1; kill <= Kills + 1; kill++)
        {
            try
            {
                await RetryUnacknowledgedAsync(app.BaseUrl, customer);
                await CheckAsync(database, restaurantId, dishes);
                if (kill > Kills) break;
                await WriteUntilKilledAsync(app, customer, restaurantId, dishes);
            }
            catch (Exception e) when (e is not Xunit.Sdk.XunitException)
            {
                throw new InvalidOperationException($"Round {kill} failed: {e.Message}\nMyApp's log:\n{app.Log}", e);
            }
            app = await MyAppProcess.StartAsync(settings);
        }
        await app.DisposeAsync();
        Assert.True(_acknowledged.Count >= Kills * AcknowledgedBeforeKill);
    }

    /// <summary>The first admin (from configuration) makes an owner and a customer; the owner a restaurant with two dishes, one with stock.</summary>
    private static async Task<(string Customer, int RestaurantId, int[] Dishes)> PrepareAsync(string baseUrl, string adminEmail, string adminPassword)
    {
        var admin = await SignInAsync(baseUrl, adminEmail, adminPassword);
        var owner = await NewUserAsync(baseUrl, admin, Roles.Owner);
        var customer = await NewUserAsync(baseUrl, admin, Roles.Customer);
        using var client = new JsonApiClient(baseUrl) { BearerToken = owner };
        var restaurantId = int.Parse((await client.SendAsync(new CreateRestaurant { Name = "Crash Kitchen", DeliveryFee = 1m, IsOpen = true })).Id!);
        var counted = int.Parse((await client.SendAsync(new CreateMenuItem { RestaurantId = restaurantId, Name = "Soup", Price = 5m, StockLeft = InitialStock })).Id!);
        var unlimited = int.Parse((await client.SendAsync(new CreateMenuItem { RestaurantId = restaurantId, Name = "Bread", Price = 1m })).Id!);
        return (customer, restaurantId, [counted, unlimited]);
    }

    private static async Task<string> SignInAsync(string baseUrl, string email, string password)
    {
        using var client = new JsonApiClient(baseUrl);
        return (await client.SendAsync(new Authenticate { Provider = "credentials", UserName = email, Password = password })).BearerToken!;
    }

    private static async Task<string> NewUserAsync(string baseUrl, string adminToken, string role)
    {
        using var admin = new JsonApiClient(baseUrl) { BearerToken = adminToken };
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}"[..20] + "@tests.example";
        var password = MyAppTestServer.NewPassword();
        await admin.SendAsync(new AdminCreateUser { Email = email, Password = password, DisplayName = role, Roles = [role], EmailConfirmed = true });
        return await SignInAsync(baseUrl, email, password);
    }

    private static PlaceOrder NewOrder(int restaurantId, int[] dishes) => new()
    {
        RestaurantId = restaurantId,
        DeliveryAddress = "1 Crash Rd",
        Items = [new() { MenuItemId = dishes[0], Quantity = Random.Shared.Next(1, 4) }, new() { MenuItemId = dishes[1], Quantity = 1 }],
    };

    /// <summary>Several clients place orders, each with a key of its own, until enough were acknowledged; then SIGKILL.</summary>
    private async Task WriteUntilKilledAsync(MyAppProcess app, string customer, int restaurantId, int[] dishes)
    {
        var acknowledged = 0;
        var stop = false;
        var writers = Enumerable.Range(0, Writers).Select(_ => Task.Run(async () =>
        {
            using var client = new JsonApiClient(app.BaseUrl) { BearerToken = customer };
            while (!Volatile.Read(ref stop))
            {
                var (key, request) = (Guid.NewGuid().ToString(), NewOrder(restaurantId, dishes));
                _unacknowledged[key] = request;
                try
                {
                    _acknowledged[key] = await client.SendAsync(request, key);
                    _unacknowledged.TryRemove(key, out PlaceOrder? _);
                    Interlocked.Increment(ref acknowledged);
                }
                catch (Exception e) when (e is HttpRequestException or WebServiceException or TaskCanceledException)
                {
                    return; // the process died under it (or answered an error): retried with its key after the restart
                }
            }
        })).ToList();

        var clock = Stopwatch.StartNew();
        while (Volatile.Read(ref acknowledged) < AcknowledgedBeforeKill && writers.Any(w => !w.IsCompleted))
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(60)) Assert.Fail($"Only {acknowledged} orders were acknowledged in 60 s.\n{app.Log}");
            await Task.Delay(5);
        }
        await app.KillAsync(); // SIGKILL while the writers are mid-request
        Volatile.Write(ref stop, true);
        await Task.WhenAll(writers);
        Assert.True(acknowledged >= AcknowledgedBeforeKill, $"The writers stopped early, with {acknowledged} orders acknowledged:\n{app.Log}");
    }

    /// <summary>Sends every unacknowledged request again with its key until it is answered (409: its claim awaits takeover).</summary>
    private async Task RetryUnacknowledgedAsync(string baseUrl, string customer)
    {
        using var client = new JsonApiClient(baseUrl) { BearerToken = customer };
        foreach (var (key, request) in _unacknowledged.ToArray())
        {
            var clock = Stopwatch.StartNew();
            while (true)
            {
                var result = await client.ApiAsync(request, key);
                if (result.Succeeded)
                {
                    _acknowledged[key] = result.Response!;
                    _unacknowledged.TryRemove(key, out PlaceOrder? _);
                    break;
                }
                Assert.True(result.StatusCode == 409, $"Retrying order key {key} answered {result.StatusCode}: {result.Error?.Message}");
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"Order key {key} stayed in progress for 30 s.");
                await Task.Delay(200);
            }
        }
    }

    /// <summary>Every acknowledged order whole, nothing half-written, one order per key, and (once drained) two jobs per order.</summary>
    private async Task CheckAsync(TestDatabase database, int restaurantId, int[] dishes)
    {
        await using var db = await database.CreateFactory().OpenAsync();
        var orders = (await db.SelectAsync<Order>(o => o.RestaurantId == restaurantId)).ToDictionary(o => o.Id);
        var lines = await db.SelectAsync<OrderItem>(i => i.MenuItemId == dishes[0] || i.MenuItemId == dishes[1]);

        Assert.Equal(_acknowledged.Values.Select(o => o.Id).Order(), orders.Keys.Order()); // each key made exactly one order
        foreach (var order in _acknowledged.Values)
        {
            var stored = lines.Where(l => l.OrderId == order.Id).OrderBy(l => l.MenuItemId).Select(l => (l.MenuItemId, l.Quantity));
            Assert.Equal(order.Items.OrderBy(l => l.MenuItemId).Select(l => (l.MenuItemId, l.Quantity)), stored);
        }
        Assert.All(lines, l => Assert.True(orders.ContainsKey(l.OrderId), $"Line {l.Id} belongs to no order"));
        var stock = (await db.SingleByIdAsync<MenuItem>(dishes[0]))!.StockLeft;
        Assert.Equal(InitialStock - lines.Where(l => l.MenuItemId == dishes[0]).Sum(l => l.Quantity), stock);

        // The jobs: in the app's database (PostgreSQL) or jobs.db beside it (SQLite), moved from the outbox after the restart.
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(
            [new KeyValuePair<string, string?>("ConnectionStrings:DefaultConnection", database.ConnectionString)]).Build();
        await using var jobs = await ConfigureJobs.JobsDatabase(configuration, Path.GetDirectoryName(MyAppProcess.Dll)!).CreateFactory().OpenAsync();
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var tags = (await jobs.SqlListAsync<string>("SELECT tag FROM baas_job WHERE tag LIKE 'order-%'")).GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
            Assert.All(tags.Keys, t => Assert.True(orders.ContainsKey(int.Parse(t["order-".Length..])), $"Jobs {t} belong to no order"));
            var missing = orders.Keys.Where(id => tags.GetValueOrDefault($"order-{id}") != 2).ToList();
            if (missing.Count == 0) break;
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30),
                $"Orders without their two jobs after 30 s: {string.Join(", ", missing.Select(id => $"{id} ({tags.GetValueOrDefault($"order-{id}")})"))}");
            await Task.Delay(100);
        }
    }
}

public sealed class SqliteOrderCrashTests() : OrderCrashTests(TestDatabaseKind.SqliteFile);

public sealed class PostgreSqlOrderCrashTests() : OrderCrashTests(TestDatabaseKind.PostgreSql);
