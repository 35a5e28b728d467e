using System.Net;
using System.Text.Json;
using MyApp.ServiceModel;

namespace MyApp.Tests;

/// <summary>
/// MyApp's public restaurant, menu and review queries are cached for anonymous callers, and every write that changes
/// what they show (an owner's edit, an order taking limited stock, a review) drops them.
/// </summary>
public abstract class ResponseCachingTests<THost>(THost host) where THost : MyAppFixture
{
    [Fact]
    public async Task A_cached_restaurant_list_changes_as_soon_as_an_owner_edits_a_restaurant()
    {
        using var owner = host.As(host.Owner);
        var http = host.CreateHttp();
        var (id, _) = await Kitchen.OpenAsync(owner);
        var url = $"/api/QueryRestaurants?ids={id}";

        var first = await http.GetAsync(url);
        var second = await http.GetAsync(url);
        Assert.Equal(["MISS"], first.Headers.GetValues("X-Cache"));
        Assert.Equal(["HIT"], second.Headers.GetValues("X-Cache"));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());

        var renamed = "Renamed Kitchen " + Guid.NewGuid().ToString("N")[..6];
        await owner.SendAsync(new PatchRestaurant { Id = id, Name = renamed });

        var after = await http.GetAsync(url);
        Assert.Equal(["MISS"], after.Headers.GetValues("X-Cache"));
        Assert.Contains(renamed, await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_order_taking_limited_stock_changes_the_cached_menu()
    {
        using var owner = host.As(host.Owner);
        using var customer = host.As(host.Customer);
        var http = host.CreateHttp();
        var (id, menu) = await Kitchen.OpenAsync(owner, stock: 5);
        var url = $"/api/QueryMenuItems?restaurantId={id}";
        Assert.Equal(5, StockOf(await http.GetStringAsync(url), "Dumplings"));
        Assert.Equal(5, StockOf(await http.GetStringAsync(url), "Dumplings"));

        await customer.SendAsync(Kitchen.Order(id, (menu["Dumplings"], 2)));

        Assert.Equal(3, StockOf(await http.GetStringAsync(url), "Dumplings"));
    }

    [Fact]
    public async Task Signed_in_callers_get_fresh_answers_and_the_metadata_shows_the_policies()
    {
        var http = host.CreateHttp();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", host.Customer.Token);
        var signedIn = await http.GetAsync("/api/QueryReviews?take=1");
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.False(signedIn.Headers.Contains("X-Cache"));

        using var metadata = JsonDocument.Parse(await host.CreateHttp().GetStringAsync("/metadata/app.json"));
        var operations = metadata.RootElement.GetProperty("plugins").GetProperty("responseCache").GetProperty("operations");
        Assert.Equal(["QueryMenuItems", "QueryRestaurants", "QueryReviews"], operations.EnumerateObject().Select(o => o.Name));
        Assert.Equal(["MenuItem", "Restaurant"], operations.GetProperty("QueryMenuItems").GetProperty("models").EnumerateArray().Select(m => m.GetString()));
    }

    private static int? StockOf(string body, string dish) =>
        JsonDocument.Parse(body).RootElement.GetProperty("results").EnumerateArray()
            .Single(r => r.GetProperty("name").GetString() == dish).GetProperty("stockLeft").GetInt32();
}

[Collection(SqliteApp.Name)]
public class SqliteResponseCachingTests(SqliteMyAppFixture host) : ResponseCachingTests<SqliteMyAppFixture>(host);

[Collection(PostgreSqlApp.Name)]
public class PostgreSqlResponseCachingTests(PostgreSqlMyAppFixture host) : ResponseCachingTests<PostgreSqlMyAppFixture>(host);
