using System.Text.Json;
using BaaS;
using BaaS.Client;
using Microsoft.Playwright;
using MyApp.ServiceModel;
using static Microsoft.Playwright.Assertions;

namespace MyApp.Tests;

/// <summary>
/// The API Explorer at /ui against MyApp on SQLite, in a real Chromium where any console error fails the test: every
/// operation of the metadata listed by tag and found by search; the demo customer places an order from the form (and an
/// order with no items is stopped on Items, storing nothing); an Owner-only operation tells the customer why and answers
/// 403 when sent anyway; a link from the address bar reopens the same form; an API key signs the explorer in.
/// </summary>
[Collection(SqliteApp.Name)]
public sealed class ApiExplorerTests(SqliteMyAppFixture host)
{
    private const string Customer = "customer@example.com";

    [Fact]
    public async Task Every_operation_of_the_metadata_is_listed_under_its_first_tag_and_searching_order_finds_PlaceOrder()
    {
        using var http = host.CreateHttp();
        using var metadata = JsonDocument.Parse(await http.GetStringAsync("/metadata/app.json"));
        var operations = metadata.RootElement.GetProperty("api").GetProperty("operations").EnumerateArray()
            .Select(op => (Name: op.GetProperty("request").GetProperty("name").GetString()!,
                           Tag: op.TryGetProperty("tags", out var tags) && tags.GetArrayLength() > 0 ? tags[0].GetString()! : "Other"))
            .ToList();
        Assert.True(operations.Count > 50, "MyApp's metadata should list its operations and the platform's");

        await using var browser = await AdminUiBrowser.OpenAsync(host);
        await browser.Page.GotoAsync("/ui/");
        await Expect(browser.ByTestId("explorer-home")).ToBeVisibleAsync();
        var sidebar = browser.ByTestId("sidebar");
        await Expect(sidebar.Locator("[data-testid^='op-']")).ToHaveCountAsync(operations.Count);
        foreach (var (name, tag) in operations)
            await Expect(browser.ByTestId($"group-{tag}").GetByTestId($"op-{name}")).ToHaveCountAsync(1);
        // The platform's own groups come after the app's.
        var groups = await sidebar.Locator("[data-testid^='group-']").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.testid)");
        Assert.True(Array.IndexOf(groups, "group-Orders") < Array.IndexOf(groups, "group-Auth"), string.Join(", ", groups));
        await browser.ScreenshotAsync("explorer-home");

        await browser.ByTestId("search").FillAsync("order");
        await Expect(browser.ByTestId("op-PlaceOrder")).ToBeVisibleAsync();
        await Expect(browser.ByTestId("op-QueryRestaurants")).ToHaveCountAsync(0);
        var found = operations.Where(o => o.Name.Contains("order", StringComparison.OrdinalIgnoreCase)).Select(o => o.Name);
        foreach (var name in found) await Expect(browser.ByTestId($"op-{name}")).ToBeVisibleAsync();
        await browser.ByTestId("op-PlaceOrder").ClickAsync();
        await Expect(browser.ByTestId("operation-name")).ToHaveTextAsync("PlaceOrder");
        await Expect(browser.ByTestId("routes")).ToContainTextAsync("/orders");
        await Expect(browser.ByTestId("prop-PlaceOrder-Items")).ToContainTextAsync("List<OrderLine>");
        await Expect(browser.ByTestId("prop-PlaceOrder-Items")).ToContainTextAsync("not empty");
        await Expect(browser.ByTestId("type-OrderLine")).ToBeVisibleAsync(); // the referenced type is documented too
        await Expect(browser.ByTestId("type-OrderStatus")).ToContainTextAsync("OutForDelivery"); // and the response's enum
    }

    [Fact]
    public async Task The_demo_customer_places_an_order_from_the_form_and_an_order_without_items_is_stopped_on_Items()
    {
        var password = host.DemoPasswords()[Customer];
        using var customer = await SignedInAsync(Customer, password);
        var restaurant = (await customer.SendAsync(new QueryRestaurants { CuisineContains = "thai" })).Results[0];
        var dish = (await customer.SendAsync(new QueryMenuItems { RestaurantId = restaurant.Id })).Results.First(m => m.IsAvailable);
        var ordersBefore = (await customer.SendAsync(new QueryMyOrders { Include = "total" })).Total;

        await using var browser = await AdminUiBrowser.OpenAsync(host);
        var sent = RecordCalls(browser.Page);
        await browser.OpenOperationAsync(nameof(PlaceOrder));
        await Expect(browser.ByTestId("why-not")).ToContainTextAsync("signed in");
        await browser.SignInToExplorerAsync(Customer, password);
        await Expect(browser.ByTestId("why-not")).ToHaveCountAsync(0);

        // No items: caught in the browser with the server's own wording, nothing sent, nothing stored.
        await PickAsync(browser, "RestaurantId", restaurant.Name, restaurant.Id); // a lookup: searched by name
        await browser.ByTestId("send").ClickAsync();
        var refused = await customer.ApiAsync(new PlaceOrder { RestaurantId = restaurant.Id });
        await Expect(browser.ByTestId("field-error-Items")).ToHaveTextAsync(refused.FieldErrorMessage("Items")!);
        Assert.DoesNotContain(sent, c => c.EndsWith("/orders", StringComparison.Ordinal));
        Assert.Equal(ordersBefore, (await customer.SendAsync(new QueryMyOrders { Include = "total" })).Total);

        // With an item: 200 and the order's id; the order is the customer's.
        await FillItemsAsync(browser, $$"""[{"menuItemId": {{dish.Id}}, "quantity": 2}]""");
        await browser.ByTestId("send").ClickAsync();
        await Expect(browser.ByTestId("response-status")).ToContainTextAsync("200");
        var body = JsonDocument.Parse(await browser.ResponseTextAsync()).RootElement;
        var id = body.GetProperty("id").GetInt32();
        var stored = Assert.Single((await customer.SendAsync(new QueryMyOrders { Id = id })).Results);
        Assert.Equal((restaurant.Id, dish.Price * 2, OrderStatus.Placed), (stored.RestaurantId, stored.Subtotal, stored.Status));
        Assert.Contains(sent, c => c == "POST " + host.BaseUrl.TrimEnd('/') + "/orders");
        await browser.ScreenshotAsync("explorer-place-order");
    }

    [Fact]
    public async Task An_owner_only_operation_tells_the_customer_why_and_answers_403_when_sent_anyway()
    {
        var password = host.DemoPasswords()[Customer];
        await using var browser = await AdminUiBrowser.OpenAsync(host);
        browser.AllowConsoleError("403"); // the refused call is logged by Chromium
        await browser.OpenOperationAsync(nameof(CreateRestaurant));
        await browser.SignInToExplorerAsync(Customer, password);
        await Expect(browser.ByTestId("why-not")).ToContainTextAsync("Needs the Owner role; you have Customer.");
        await Expect(browser.ByTestId("op-CreateRestaurant")).ToHaveAttributeAsync("title", "Needs the Owner role; you have Customer.");

        var name = "Not mine " + Guid.NewGuid().ToString("N")[..8];
        await browser.Field("Name").FillAsync(name);
        await browser.ByTestId("send").ClickAsync();
        await Expect(browser.ByTestId("response-status")).ToContainTextAsync("403");
        await Expect(browser.ByTestId("response-body")).ToContainTextAsync("MissingRole");
        using var anyone = new JsonApiClient(host.BaseUrl);
        Assert.Empty((await anyone.SendAsync(new QueryRestaurants { NameContains = name })).Results);
        await browser.ScreenshotAsync("explorer-forbidden");
    }

    [Fact]
    public async Task A_link_copied_from_the_address_bar_reopens_the_same_form_with_the_same_values()
    {
        await using var browser = await AdminUiBrowser.OpenAsync(host);
        using var anyone = new JsonApiClient(host.BaseUrl);
        var restaurant = (await anyone.SendAsync(new QueryRestaurants { CuisineContains = "thai" })).Results[0];
        await browser.OpenOperationAsync(nameof(PlaceOrder));
        await PickAsync(browser, "RestaurantId", restaurant.Name, restaurant.Id);
        await browser.Field("DeliveryAddress").FillAsync("12 Elm St, flat 'B' & co");
        await FillItemsAsync(browser, """[{"menuItemId": 3, "quantity": 2}]""");
        await Expect(browser.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("deliveryAddress=.*items="));
        var link = browser.Page.Url;

        await using var other = await AdminUiBrowser.OpenAsync(host);
        await other.Page.GotoAsync(link);
        await Expect(other.ByTestId("operation-name")).ToHaveTextAsync(nameof(PlaceOrder));
        await Expect(other.Field("RestaurantId")).ToHaveValueAsync($"{restaurant.Id} · {restaurant.Name}");
        await Expect(other.Field("DeliveryAddress")).ToHaveValueAsync("12 Elm St, flat 'B' & co");
        await other.ByTestId("tab-json").ClickAsync();
        var request = JsonDocument.Parse(await other.ByTestId("request-json").InputValueAsync()).RootElement;
        Assert.Equal(restaurant.Id, request.GetProperty("restaurantId").GetInt32());
        Assert.Equal(3, request.GetProperty("items")[0].GetProperty("menuItemId").GetInt32());
        Assert.Equal(2, request.GetProperty("items")[0].GetProperty("quantity").GetInt32());
    }

    [Fact]
    public async Task An_api_key_signs_the_explorer_in_and_a_bad_one_is_refused_on_its_field()
    {
        var password = host.DemoPasswords()[Customer];
        using var customer = await SignedInAsync(Customer, password);
        var key = await customer.SendAsync(new CreateUserApiKey { Name = "explorer " + Guid.NewGuid().ToString("N")[..6], Scopes = [ApiScopes.OrdersRead] });
        var mine = await customer.SendAsync(new QueryMyOrders { Include = "total" });

        await using var browser = await AdminUiBrowser.OpenAsync(host);
        await browser.OpenOperationAsync(nameof(QueryMyOrders), "include=total");
        await browser.ByTestId("sign-in").ClickAsync();
        await browser.ByTestId("signin-tab-apikey").ClickAsync();
        await browser.Page.Locator("#token").FillAsync("not-a-key");
        await browser.ByTestId("explorer-signin-submit").ClickAsync();
        await Expect(browser.ByTestId("explorer-signin").Locator(".field-error")).ToContainTextAsync("did not accept");
        await browser.Page.Locator("#token").FillAsync(key.Key);
        await browser.ByTestId("explorer-signin-submit").ClickAsync();
        await Expect(browser.ByTestId("signed-in-as")).ToContainTextAsync("API key");

        await browser.ByTestId("send").ClickAsync();
        await Expect(browser.ByTestId("response-status")).ToContainTextAsync("200");
        var body = JsonDocument.Parse(await browser.ResponseTextAsync()).RootElement;
        Assert.Equal(mine.Total, body.GetProperty("total").GetInt32());

        // The key lives in this tab only: a reload keeps it, signing out forgets it.
        await browser.Page.ReloadAsync();
        await Expect(browser.ByTestId("signed-in-as")).ToContainTextAsync("API key");
        await browser.ByTestId("sign-out").ClickAsync();
        await Expect(browser.ByTestId("sign-in")).ToBeVisibleAsync();
        await browser.Page.ReloadAsync();
        await Expect(browser.ByTestId("sign-in")).ToBeVisibleAsync();

        // A key revoked meanwhile is dropped at the next load, with a note.
        await browser.ByTestId("sign-in").ClickAsync();
        await browser.ByTestId("signin-tab-apikey").ClickAsync();
        await browser.Page.Locator("#token").FillAsync(key.Key);
        await browser.ByTestId("explorer-signin-submit").ClickAsync();
        await Expect(browser.ByTestId("signed-in-as")).ToContainTextAsync("API key");
        await customer.SendAsync(new RevokeUserApiKey { Id = key.Result.Id });
        await browser.Page.ReloadAsync();
        await Expect(browser.ByTestId("token-refused")).ToBeVisibleAsync();
        await Expect(browser.ByTestId("sign-in")).ToBeVisibleAsync();
    }

    /// <summary>Picks a row in a lookup input by typing part of its name.</summary>
    private static async Task PickAsync(BrowserSession browser, string property, string name, int id)
    {
        var lookup = browser.Field(property);
        await lookup.FillAsync(name[..Math.Min(6, name.Length)]);
        var option = browser.ByTestId("lookup-option").Filter(new() { HasText = name });
        await Expect(option.First).ToHaveTextAsync($"{id} · {name}");
        await option.First.ClickAsync();
        await Expect(lookup).ToHaveValueAsync($"{id} · {name}");
    }

    /// <summary>Puts the order lines into the Items input as raw JSON (its row editor switched to JSON).</summary>
    private static async Task FillItemsAsync(BrowserSession browser, string json)
    {
        await browser.ByTestId("object-input-Items").GetByTestId("object-toggle").ClickAsync();
        await browser.Field("Items").FillAsync(json);
    }

    private async Task<JsonApiClient> SignedInAsync(string email, string password)
    {
        var client = new JsonApiClient(host.BaseUrl);
        var auth = await client.SendAsync(new Authenticate { Provider = "credentials", UserName = email, Password = password });
        client.BearerToken = auth.BearerToken;
        return client;
    }

    /// <summary>Every call the page makes that is not a GET, as "METHOD url" (Playwright raises its events on one thread).</summary>
    private static List<string> RecordCalls(IPage page)
    {
        var calls = new List<string>();
        page.Request += (_, request) => { if (request.Method != "GET") calls.Add(request.Method + " " + request.Url); };
        return calls;
    }
}
