using System.Net;
using System.Text.Json;
using BaaS;
using BaaS.Client;
using BaaS.Testing;
using MyApp.ServiceInterface;
using MyApp.ServiceModel;

namespace MyApp.Tests;

/// <summary>
/// MyApp's own rate limits, as it ships them: PlaceOrder allows a customer 10 orders a minute (whichever way it signed
/// in), on top of the default policy; the metadata lists both. A database of its own, without the test harness's
/// PlaceOrder override.
/// </summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private TestServer _server = null!;
    private readonly StringWriter _printed = new();

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(TestDatabaseKind.SqliteFile, "myapp_ratelimit");
        _server = await MyAppTestServer.StartAsync(_database, _printed,
            configure: o => o.Configuration.Remove("BaaS:RateLimits:Policies:PlaceOrder:PermitLimit"));
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task<JsonApiClient> SignInAsync(string role)
    {
        var email = DemoSeeder.EmailOf(role);
        var client = new JsonApiClient(_server.BaseUrl);
        var auth = await client.SendAsync(new Authenticate { Provider = "credentials", UserName = email, Password = MyAppTestServer.PrintedPasswords(_printed.ToString())[email] });
        client.BearerToken = auth.BearerToken;
        return client;
    }

    [Fact]
    public async Task A_customer_places_ten_orders_a_minute_and_the_eleventh_answers_429_naming_the_policy()
    {
        using var owner = await SignInAsync(Roles.Owner);
        using var customer = await SignInAsync(Roles.Customer);
        var (restaurantId, menu) = await Kitchen.OpenAsync(owner);
        for (var i = 0; i < 10; i++) await customer.SendAsync(Kitchen.Order(restaurantId, (menu["Noodles"], 1)));

        var refused = await customer.ApiAsync(Kitchen.Order(restaurantId, (menu["Noodles"], 1)));
        Assert.Equal(429, refused.StatusCode);
        Assert.Equal("TooManyRequests", refused.Error!.ErrorCode);
        Assert.Equal("PlaceOrder", refused.Error.Meta!["policy"]);
        // The owner's own budget is untouched.
        Assert.Equal(HttpStatusCode.OK, (HttpStatusCode)(await owner.ApiAsync(new QueryMyRestaurants())).StatusCode);
    }

    [Fact]
    public async Task The_metadata_lists_the_default_policy_and_PlaceOrders()
    {
        using var document = JsonDocument.Parse(await _server.Http.GetStringAsync("/metadata/app.json"));
        var limits = document.RootElement.GetProperty("plugins").GetProperty("rateLimits");
        Assert.Equal("caller", limits.GetProperty("default").GetProperty("partition").GetString());
        var placeOrder = limits.GetProperty("policies").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "PlaceOrder");
        Assert.Equal(10, placeOrder.GetProperty("permitLimit").GetInt32());
        Assert.Equal(60, placeOrder.GetProperty("windowSeconds").GetInt64());
        Assert.Equal("user", placeOrder.GetProperty("partition").GetString());
        Assert.Equal(["PlaceOrder"], placeOrder.GetProperty("operations").EnumerateArray().Select(o => o.GetString()));
        var auth = limits.GetProperty("policies").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "auth");
        Assert.Equal("closed", auth.GetProperty("failureMode").GetString());
        Assert.Equal("ip", auth.GetProperty("partition").GetString());
    }
}
