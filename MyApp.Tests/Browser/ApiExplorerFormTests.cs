using System.Globalization;
using System.Text.Json;
using BaaS;
using BaaS.Client;
using MyApp.ServiceModel;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MyApp.Tests;

/// <summary>
/// The API Explorer's nested inputs and its answer viewer against MyApp: PlaceOrder's items typed row by row (what the
/// page sends and what is stored compared with what was typed), a QueryRestaurants answer read in the JSON tree (its values
/// compared with what the typed client gets, folded and unfolded, its headers), and an error answer spelt out.
/// </summary>
[Collection(SqliteApp.Name)]
public sealed class ApiExplorerFormTests(SqliteMyAppFixture host)
{
    [Fact]
    public async Task Items_typed_in_the_row_editor_are_sent_as_typed_after_a_row_was_removed_and_the_order_stores_them()
    {
        var (restaurantId, restaurant, dishes, names) = await CreateRestaurantWithDishesAsync(3);
        await using var browser = await AdminUiBrowser.OpenAsync(host);
        var sent = RecordOrders(browser.Page);
        await browser.OpenOperationAsync(nameof(PlaceOrder));
        await browser.SignInToExplorerAsync(host.Customer.Email, host.Customer.Password);

        await PickAsync(browser, browser.Field("RestaurantId"), restaurant, restaurantId);
        await browser.Field("DeliveryAddress").FillAsync("12 Explorer Lane");
        var items = browser.Page.GetByTestId("object-input-Items");
        await Expect(items.GetByTestId("object-empty")).ToBeVisibleAsync();
        for (var i = 0; i < 3; i++)
        {
            await items.GetByTestId("object-add").ClickAsync();
            await PickAsync(browser, browser.Page.Locator($"#field-Items-{i}-MenuItemId"), names[i], dishes[i]); // a lookup: searched by name
        }
        await browser.Page.Locator("#field-Items-0-Quantity").FillAsync("2");
        // The rows are groups named by their item, each field labelled within it.
        await items.GetByRole(AriaRole.Group, new() { Name = "Order line 2" }).GetByLabel("Quantity").FillAsync("5");
        await Expect(items.GetByTestId("object-row-2")).ToBeVisibleAsync();

        // The second row goes; the third moves up with what was typed in it (its quantity left empty).
        await items.GetByTestId("object-remove-1").ClickAsync();
        await Expect(items.GetByTestId("object-row-2")).ToHaveCountAsync(0);
        await Expect(browser.Page.Locator("#field-Items-1-MenuItemId")).ToHaveValueAsync($"{dishes[2]} · {names[2]}");
        await Expect(browser.Page.Locator("#field-Items-1-Quantity")).ToHaveValueAsync("");

        // The same value as JSON, and back to rows.
        await items.GetByTestId("object-toggle").ClickAsync();
        var raw = await browser.Page.Locator("#field-Items").InputValueAsync();
        Assert.Equal(Expected(dishes), Lines(JsonDocument.Parse(raw).RootElement));
        await items.GetByTestId("object-toggle").ClickAsync();
        await Expect(items.GetByTestId("object-row-1")).ToBeVisibleAsync();

        // The address bar carries the items; the page reopened from it draws the same rows.
        var inUrl = JsonSerializer.Serialize(new object[] { new { menuItemId = dishes[0], quantity = 2 }, new { menuItemId = dishes[2] } });
        await browser.Page.WaitForFunctionAsync(
            "expected => { const v = new URLSearchParams(location.search).get('items'); return v !== null && JSON.stringify(JSON.parse(v)) === expected }", inUrl);
        await browser.Page.ReloadAsync();
        await Expect(items.GetByTestId("object-row-1")).ToBeVisibleAsync();
        await Expect(items.GetByTestId("object-row-2")).ToHaveCountAsync(0);
        await Expect(browser.Page.Locator("#field-Items-0-MenuItemId")).ToHaveValueAsync($"{dishes[0]} · {names[0]}");
        await Expect(browser.Page.Locator("#field-Items-0-Quantity")).ToHaveValueAsync("2");
        await Expect(browser.Page.Locator("#field-Items-1-MenuItemId")).ToHaveValueAsync($"{dishes[2]} · {names[2]}");
        await Expect(browser.Page.GetByTestId("signed-in-as")).ToBeVisibleAsync();
        await browser.ScreenshotAsync("explorer-order-rows");

        await browser.Page.GetByTestId("send").ClickAsync();
        await Expect(browser.Page.GetByTestId("response-status")).ToContainTextAsync("200");
        var request = Assert.Single(sent);
        Assert.Equal(Expected(dishes), Lines(request.RootElement.GetProperty("items")));

        var id = int.Parse(await Leaf(browser, "$.id").InnerTextAsync(), CultureInfo.InvariantCulture);
        using var customer = host.As(host.Customer);
        var stored = Assert.Single((await customer.SendAsync(new QueryMyOrders { Id = id })).Results);
        Assert.Equal([(dishes[0], 2), (dishes[2], 1)], stored.Items.OrderBy(i => i.Id).Select(i => (i.MenuItemId, i.Quantity)));
    }

    [Fact]
    public async Task The_json_tree_of_a_restaurants_answer_shows_what_the_typed_client_gets_and_folds()
    {
        await CreateRestaurantWithDishesAsync(1);
        using var client = host.CreateClient();
        var expected = await client.SendAsync(new QueryRestaurants { Take = 5 });
        Assert.NotEmpty(expected.Results);
        using var http = host.CreateHttp();
        using var document = JsonDocument.Parse(await http.GetStringAsync("/api/QueryRestaurants?take=5"));
        var firstProperties = document.RootElement.GetProperty("results")[0].EnumerateObject().Count();

        await using var browser = await AdminUiBrowser.OpenAsync(host);
        await browser.OpenOperationAsync(nameof(QueryRestaurants), "take=5");
        await browser.Page.GetByTestId("send").ClickAsync();
        await Expect(browser.Page.GetByTestId("response-status")).ToContainTextAsync("200");
        await browser.Page.GetByTestId("json-expand-all").ClickAsync();

        for (var i = 0; i < expected.Results.Count; i++)
        {
            var r = expected.Results[i];
            await Expect(Leaf(browser, $"$.results[{i}].id")).ToHaveTextAsync(r.Id.ToString(CultureInfo.InvariantCulture));
            await Expect(Leaf(browser, $"$.results[{i}].name")).ToHaveTextAsync(JsonSerializer.Serialize(r.Name));
            await Expect(Leaf(browser, $"$.results[{i}].isOpen")).ToHaveTextAsync(r.IsOpen ? "true" : "false");
            Assert.Equal(r.Rating, decimal.Parse(await Leaf(browser, $"$.results[{i}].rating").InnerTextAsync(), CultureInfo.InvariantCulture));
        }
        await browser.ScreenshotAsync("explorer-json-tree");

        // Fold one restaurant: its values go, its property count shows; unfold it from that count.
        var first = Node(browser, "$.results[0]");
        await first.GetByTestId("json-toggle").First.ClickAsync();
        await Expect(Leaf(browser, "$.results[0].name")).ToHaveCountAsync(0);
        await Expect(first).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(first.GetByTestId("json-summary")).ToHaveTextAsync($"{firstProperties} properties");
        await first.GetByTestId("json-summary").ClickAsync();
        await Expect(Leaf(browser, "$.results[0].name")).ToHaveTextAsync(JsonSerializer.Serialize(expected.Results[0].Name));

        // Collapse all folds the list to its count; its toggle opens it again.
        await browser.Page.GetByTestId("json-collapse-all").ClickAsync();
        var results = Node(browser, "$.results");
        await Expect(results.GetByTestId("json-summary")).ToHaveTextAsync(expected.Results.Count == 1 ? "1 item" : $"{expected.Results.Count} items");
        await Expect(Node(browser, "$.results[0]")).ToHaveCountAsync(0);
        await results.GetByTestId("json-toggle").First.ClickAsync();
        await Expect(browser.Page.Locator("[data-testid=json-node][data-path^='$.results['][data-path$=']']")).ToHaveCountAsync(expected.Results.Count);

        await browser.Page.GetByTestId("response-tab-headers").ClickAsync();
        var contentType = browser.Page.Locator("[data-testid=response-header][data-name=content-type]");
        await Expect(contentType).ToContainTextAsync("application/json");
        await browser.Page.GetByTestId("response-tab-raw").ClickAsync();
        using var raw = JsonDocument.Parse(await browser.Page.GetByTestId("response-raw").InnerTextAsync());
        Assert.Equal(expected.Results.Select(r => r.Id), raw.RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetInt32()));
    }

    [Fact]
    public async Task A_long_list_in_an_answer_shows_its_first_items_and_the_rest_when_asked()
    {
        var (restaurantId, _, dishes, _) = await CreateRestaurantWithDishesAsync(60);
        using var client = host.CreateClient();
        var expected = await client.SendAsync(new QueryMenuItems { RestaurantId = restaurantId, Take = 100 });
        Assert.Equal(dishes.Length, expected.Results.Count);

        await using var browser = await AdminUiBrowser.OpenAsync(host);
        await browser.OpenOperationAsync(nameof(QueryMenuItems), $"restaurantId={restaurantId}&take=100");
        await browser.Page.GetByTestId("send").ClickAsync();
        await Expect(browser.Page.GetByTestId("response-status")).ToContainTextAsync("200");

        // The first 50 items are drawn (folded: 50 dishes' fields would not read at a glance), the other 10 on asking.
        var items = Node(browser, "$.results").Locator("> [role=group] > [data-testid=json-node]");
        await Expect(items).ToHaveCountAsync(50);
        await Expect(Node(browser, "$.results[0]")).ToHaveAttributeAsync("aria-expanded", "false");
        var more = Node(browser, "$.results").GetByTestId("json-more");
        await Expect(more).ToHaveTextAsync("Show 10 more (of 10 not shown)");
        await more.ClickAsync();
        await Expect(items).ToHaveCountAsync(60);
        await Expect(more).ToHaveCountAsync(0);
        var last = Node(browser, "$.results[59]");
        await last.GetByTestId("json-toggle").First.ClickAsync();
        await Expect(Leaf(browser, "$.results[59].name")).ToHaveTextAsync(JsonSerializer.Serialize(expected.Results[59].Name));
        await Expect(Leaf(browser, "$.results[59].id")).ToHaveTextAsync(expected.Results[59].Id.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task An_error_answer_shows_its_code_message_and_field_error_as_the_typed_client_gets_them()
    {
        var (restaurantId, restaurant, _, _) = await CreateRestaurantWithDishesAsync(1);
        const int NotOnTheMenu = int.MaxValue;
        using var customer = host.As(host.Customer);
        var error = await Assert.ThrowsAsync<WebServiceException>(() => customer.SendAsync(new PlaceOrder
        {
            RestaurantId = restaurantId, DeliveryAddress = "12 Explorer Lane", Items = [new OrderLine { MenuItemId = NotOnTheMenu }],
        }));
        Assert.Equal(400, error.StatusCode);
        var fieldError = Assert.Single(error.ResponseStatus.Errors!);

        await using var browser = await AdminUiBrowser.OpenAsync(host);
        browser.AllowConsoleError("400"); // the refused order itself
        await browser.OpenOperationAsync(nameof(PlaceOrder));
        await browser.SignInToExplorerAsync(host.Customer.Email, host.Customer.Password);
        await PickAsync(browser, browser.Field("RestaurantId"), restaurant, restaurantId);
        await browser.Field("DeliveryAddress").FillAsync("12 Explorer Lane");
        await browser.Page.GetByTestId("object-add").ClickAsync();
        // An id no search finds, taken as typed ("… · by Id").
        var dish = browser.Page.Locator("#field-Items-0-MenuItemId");
        await dish.FillAsync(NotOnTheMenu.ToString(CultureInfo.InvariantCulture));
        var byId = browser.Page.GetByTestId("lookup-option").Filter(new() { HasText = "by Id" });
        await Expect(byId).ToHaveTextAsync($"{NotOnTheMenu} · by Id");
        await byId.ClickAsync();
        await Expect(dish).ToHaveValueAsync($"{NotOnTheMenu} · by Id");
        await browser.Page.GetByTestId("send").ClickAsync();

        await Expect(browser.Page.GetByTestId("response-status")).ToContainTextAsync("400");
        await Expect(browser.Page.GetByTestId("response-error-code")).ToHaveTextAsync(error.ErrorCode!);
        await Expect(browser.Page.GetByTestId("response-error-message")).ToHaveTextAsync(error.ResponseStatus.Message!);
        var shown = browser.Page.GetByTestId("response-field-error");
        await Expect(shown).ToHaveAttributeAsync("data-field", fieldError.FieldName!);
        await Expect(shown).ToContainTextAsync(fieldError.Message!);
        // The same error under the row editor, where the items are typed.
        await Expect(browser.Page.GetByTestId("field-error-Items")).ToHaveTextAsync(fieldError.Message!);
        await Expect(Leaf(browser, "$.responseStatus.errorCode")).ToHaveTextAsync(JsonSerializer.Serialize(error.ErrorCode));
        await browser.ScreenshotAsync("explorer-error-answer");
    }

    private static ILocator Node(BrowserSession browser, string path) =>
        browser.Page.Locator($"[data-testid=json-node][data-path='{path}']");

    /// <summary>The value a leaf of the JSON tree shows (strings in quotes, as JSON writes them).</summary>
    private static ILocator Leaf(BrowserSession browser, string path) => Node(browser, path).GetByTestId("json-value");

    private static List<(int MenuItemId, int? Quantity)> Expected(int[] dishes) => [(dishes[0], 2), (dishes[2], null)];

    /// <summary>The order lines of a JSON list, each with exactly the properties it has (a quantity left out is null).</summary>
    private static List<(int MenuItemId, int? Quantity)> Lines(JsonElement items) =>
        [.. items.EnumerateArray().Select(line =>
        {
            Assert.All(line.EnumerateObject(), p => Assert.Contains(p.Name, new[] { "menuItemId", "quantity" }));
            return (line.GetProperty("menuItemId").GetInt32(), line.TryGetProperty("quantity", out var q) ? q.GetInt32() : (int?)null);
        })];

    private async Task<(int RestaurantId, string Name, int[] Dishes, string[] DishNames)> CreateRestaurantWithDishesAsync(int dishes)
    {
        using var owner = host.As(host.Owner);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var name = "Explorer Bistro " + tag;
        var restaurantId = int.Parse((await owner.SendAsync(new CreateRestaurant { Name = name, Cuisine = "French", IsOpen = true, DeliveryFee = 1.5m })).Id!, CultureInfo.InvariantCulture);
        var ids = new int[dishes];
        var names = Enumerable.Range(0, dishes).Select(i => $"Dish {i} {tag}").ToArray();
        for (var i = 0; i < dishes; i++)
            ids[i] = int.Parse((await owner.SendAsync(new CreateMenuItem { RestaurantId = restaurantId, Name = names[i], Price = 7m + i })).Id!, CultureInfo.InvariantCulture);
        return (restaurantId, name, ids, names);
    }

    /// <summary>Picks a row in a lookup input by typing its whole (unique) name.</summary>
    private static async Task PickAsync(BrowserSession browser, ILocator lookup, string name, int id)
    {
        await lookup.FillAsync(name);
        var option = browser.Page.GetByTestId("lookup-option").Filter(new() { HasText = name });
        await Expect(option).ToHaveTextAsync($"{id} · {name}");
        await option.ClickAsync();
        await Expect(lookup).ToHaveValueAsync($"{id} · {name}");
    }

    /// <summary>The JSON body of every order the page places (Playwright raises its events on one thread).</summary>
    private static List<JsonDocument> RecordOrders(IPage page)
    {
        var orders = new List<JsonDocument>();
        page.Request += (_, request) =>
        {
            if (request.Method == "POST" && new Uri(request.Url).AbsolutePath is "/orders" or "/api/PlaceOrder" && request.PostData is { } body)
                orders.Add(JsonDocument.Parse(body));
        };
        return orders;
    }
}
