using System.Net;
using BaaS;
using BaaS.Client;
using BaaS.Testing;
using MyApp.ServiceInterface;
using MyApp.ServiceModel;

namespace MyApp.Tests;

/// <summary>
/// MyApp on a Redis of the test's own, stopped while the app serves and started again: cached and rate-limited
/// operations keep answering (misses, limits that fail open), the sign-in limit fails closed as documented (503 with
/// Retry-After), the readiness check says degraded, and everything is cached and counted again once Redis is back,
/// without a restart.
/// </summary>
public sealed class RedisOutageTests : IAsyncLifetime
{
    private static readonly TimeSpan RecoveryDeadline = TimeSpan.FromSeconds(60);
    private readonly StringWriter _printed = new();
    private RedisServer _redis = null!;
    private TestDatabase _database = null!;
    private TestServer _app = null!;

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        _database = await TestDatabase.CreateAsync(TestDatabaseKind.SqliteFile, "myapp_redis_outage");
        _app = await MyAppTestServer.StartAsync(_database, _printed, configure: o =>
        {
            o.Configuration["ConnectionStrings:Redis"] = _redis.ConfigurationString;
            o.Configuration["BaaS:RateLimits:Default:PermitLimit"] = "100000";
        });
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task Stopping_Redis_costs_cache_hits_not_answers_health_says_degraded_and_all_recovers_when_it_returns()
    {
        var passwords = MyAppTestServer.PrintedPasswords(_printed.ToString());
        using var anonymous = _app.CreateHttp();
        var customer = await SignInAsync(Roles.Customer, passwords);
        var owner = await SignInAsync(Roles.Owner, passwords);
        var (restaurantId, menu) = await Kitchen.OpenAsync(owner);
        var url = $"/api/QueryRestaurants?ids={restaurantId}";
        await anonymous.GetAsync(url);
        Assert.Equal(["HIT"], (await anonymous.GetAsync(url)).Headers.GetValues("X-Cache"));
        Assert.Equal("Healthy", await ReadyAsync());

        await _redis.StopAsync();

        for (var i = 0; i < 3; i++)
        {
            using var fresh = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
            Assert.Equal(["MISS"], fresh.Headers.GetValues("X-Cache"));
        }
        // Rate-limited operations: the default policy and PlaceOrder's fail open (go through uncounted).
        var placed = await customer.ApiAsync(Kitchen.Order(restaurantId, (menu["Noodles"], 1)));
        Assert.Equal(200, placed.StatusCode);
        Assert.Equal(200, (await customer.ApiAsync(new QueryMyOrders())).StatusCode);
        Assert.Equal(200, (await owner.ApiAsync(new PatchRestaurant { Id = restaurantId, Name = "Edited While Redis Was Down" })).StatusCode);
        Assert.Contains("Edited While Redis Was Down", await anonymous.GetStringAsync(url), StringComparison.Ordinal);
        // The sign-in limit fails closed, as docs/rate-limits.md says: 503 with Retry-After, never a 500.
        using (var signIn = new JsonApiClient(_app.BaseUrl))
        {
            var refused = await signIn.ApiAsync(new Authenticate { Provider = "credentials", UserName = DemoSeeder.EmailOf(Roles.Courier), Password = passwords[DemoSeeder.EmailOf(Roles.Courier)] });
            Assert.Equal(503, refused.StatusCode);
            Assert.Equal("RateLimitUnavailable", refused.Error!.ErrorCode);
        }
        Assert.Equal("Degraded", await ReadyAsync());

        await _redis.StartAgainAsync();

        await EventuallyAsync(async () => await ReadyAsync() == "Healthy", "the readiness check to pass again");
        await EventuallyAsync(async () =>
        {
            await anonymous.GetAsync(url);
            return (await anonymous.GetAsync(url)).Headers.GetValues("X-Cache").Single() == "HIT";
        }, "answers to be cached again");
        Assert.Contains("Edited While Redis Was Down", await anonymous.GetStringAsync(url), StringComparison.Ordinal);
        using var again = new JsonApiClient(_app.BaseUrl);
        var courier = await again.ApiAsync(new Authenticate { Provider = "credentials", UserName = DemoSeeder.EmailOf(Roles.Courier), Password = passwords[DemoSeeder.EmailOf(Roles.Courier)] });
        Assert.Equal(200, courier.StatusCode);
    }

    private async Task<JsonApiClient> SignInAsync(string role, Dictionary<string, string> passwords)
    {
        var email = DemoSeeder.EmailOf(role);
        var client = new JsonApiClient(_app.BaseUrl);
        var auth = await client.SendAsync(new Authenticate { Provider = "credentials", UserName = email, Password = passwords[email] });
        client.BearerToken = auth.BearerToken;
        return client;
    }

    private async Task<string> ReadyAsync()
    {
        using var http = _app.CreateHttp();
        using var response = await http.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // degraded is still ready: the node serves
        return await response.Content.ReadAsStringAsync();
    }

    // An outcome with a generous deadline (the Redis client reconnects by itself), never a timing assertion.
    private static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + RecoveryDeadline;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Waited {RecoveryDeadline.TotalSeconds:0} s for {what}.");
            await Task.Delay(250);
        }
    }
}
