using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using BaaS;
using BaaS.Client;
using MyApp.ServiceModel;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MyApp.Tests;

/// <summary>
/// The Admin UI's forms against the API: an owner creates, edits and deletes a menu item through the data page's form
/// (the browser catching a broken rule with the server's wording before sending anything, the server's own field error
/// under its field), picks the restaurant by typing part of its name, and the admin reads the three changes in the
/// item's audit history. What the pages show is compared with what the typed client gets.
/// </summary>
public abstract class AdminUiFormTests<THost>(THost host) where THost : MyAppFixture
{
    private const string MyMenu = "/admin-ui/data/MenuItem?op=QueryMyMenuItems";

    [Fact]
    public async Task An_owner_creates_a_menu_item_through_the_form_after_a_rule_caught_in_the_browser_then_edits_and_deletes_it()
    {
        var tag = Tag();
        var (restaurantId, restaurantName) = await CreateRestaurantAsync(host.Owner, "Trattoria " + tag);
        using var owner = host.As(host.Owner);
        await using var browser = await AdminUiBrowser.OpenAsync(host);
        var sent = RecordWrites(browser.Page);
        await browser.SignInAsync(host.Owner, $"{MyMenu}&restaurantId={restaurantId}");
        await Expect(browser.ByTestId("grid-empty")).ToBeVisibleAsync();

        await browser.ByTestId("new-row").ClickAsync();
        var form = browser.ByTestId("model-form");
        await Expect(form).ToBeVisibleAsync();
        await PickRestaurantByNameAsync(browser, restaurantId, restaurantName, tag);
        await Field(browser, "Price").FillAsync("-3");
        await browser.ByTestId("form-submit").ClickAsync();

        // Caught in the browser, worded as the server words it; nothing was sent.
        var invalid = new CreateMenuItem { RestaurantId = restaurantId, Name = "", Price = -3m };
        var serverErrors = await FieldErrorsAsync(() => owner.SendAsync(invalid));
        await Expect(browser.ByTestId("field-error-Name")).ToHaveTextAsync(serverErrors["Name"]);
        await Expect(browser.ByTestId("field-error-Price")).ToHaveTextAsync(serverErrors["Price"]);
        await Expect(Field(browser, "Price")).ToHaveValueAsync("-3"); // nothing typed is lost
        Assert.DoesNotContain(sent, r => r.Operation == nameof(CreateMenuItem));
        await browser.ScreenshotAsync("menu-item-form");

        var name = "Tagliatelle " + tag;
        await Field(browser, "Name").FillAsync(name);
        await Field(browser, "Price").FillAsync("12.5");
        await Field(browser, "Description").FillAsync("Fresh egg pasta, ragù.");
        await Field(browser, "Stock left").FillAsync("7");
        await Expect(browser.ByTestId("field-error-Price")).ToHaveCountAsync(0);
        await browser.ByTestId("form-submit").ClickAsync();
        await Expect(form).ToHaveCountAsync(0);

        var created = Assert.Single((await owner.SendAsync(new QueryMyMenuItems { RestaurantId = restaurantId })).Results);
        Assert.Equal((name, 12.5m, "Fresh egg pasta, ragù.", 7, true), (created.Name, created.Price, created.Description, created.StockLeft, created.IsAvailable));
        var row = Row(browser, created.Id);
        await Expect(row.GetByTestId("cell-Name")).ToHaveTextAsync(name);

        // Edit: prefilled from the row; the patch sends the key and the changed field only.
        await row.GetByTestId("edit-row").ClickAsync();
        await Expect(Field(browser, "Name")).ToHaveValueAsync(name);
        await Expect(Field(browser, "Stock left")).ToHaveValueAsync("7");
        await Field(browser, "Price").FillAsync("13.25");
        await browser.ByTestId("form-submit").ClickAsync();
        await Expect(form).ToHaveCountAsync(0);
        var patch = Assert.Single(sent, r => r.Operation == nameof(PatchMenuItem));
        Assert.Equal(["id", "price"], patch.Body!.RootElement.EnumerateObject().Select(p => p.Name).Order());
        var edited = Assert.Single((await owner.SendAsync(new QueryMyMenuItems { Id = created.Id })).Results);
        Assert.Equal((name, 13.25m, 7), (edited.Name, edited.Price, edited.StockLeft));
        await Expect(row.GetByTestId("cell-Price")).ToContainTextAsync("13.25");

        await row.GetByTestId("delete-row").ClickAsync();
        await browser.ByTestId("confirm").ClickAsync();
        await Expect(Row(browser, created.Id)).ToHaveCountAsync(0);
        Assert.Empty((await owner.SendAsync(new QueryMyMenuItems { Id = created.Id })).Results);

        // The admin reads the three changes, newest first, as QueryCrudEvents gives them.
        await using var adminBrowser = await AdminUiBrowser.OpenAsync(host);
        await adminBrowser.SignInAsync(host.Admin, $"/admin-ui/data/MenuItem?op=AdminQueryMenuItems&restaurantId={restaurantId}");
        await Row(adminBrowser, created.Id).GetByTestId("history-row").ClickAsync();
        using var admin = host.As(host.Admin);
        var expected = await admin.SendAsync(new QueryCrudEvents { Model = nameof(MenuItem), RowId = created.Id.ToString(CultureInfo.InvariantCulture), OrderBy = "-Id" });
        Assert.Equal(["Delete", "Patch", "Create"], expected.Results.Select(e => e.EventType));
        await ExpectEventsAsync(adminBrowser, expected.Results);
        var patchEvent = adminBrowser.ByTestId("history-event").Nth(1);
        await Expect(patchEvent.GetByTestId("history-event-fields")).ToContainTextAsync("13.25");
        await patchEvent.GetByRole(AriaRole.Button, new() { Name = "Show request" }).ClickAsync();
        var body = JsonDocument.Parse(await patchEvent.GetByTestId("history-event-body").InnerTextAsync());
        Assert.Equal(13.25m, body.RootElement.EnumerateObject().Single(p => p.NameEquals("price") || p.NameEquals("Price")).Value.GetDecimal());
        await adminBrowser.ScreenshotAsync("audit-history");

        // The row-id box finds the history of a row whatever the grid shows: every row, then this one again.
        await adminBrowser.ByTestId("history-row-filter").FillAsync("");
        await adminBrowser.ByTestId("history-apply").ClickAsync();
        var latest = await admin.SendAsync(new QueryCrudEvents { Model = nameof(MenuItem), OrderBy = "-Id", Take = 20 });
        await ExpectEventsAsync(adminBrowser, latest.Results);
        await adminBrowser.ByTestId("history-row-filter").FillAsync(created.Id.ToString(CultureInfo.InvariantCulture));
        await adminBrowser.ByTestId("history-row-filter").PressAsync("Enter");
        await ExpectEventsAsync(adminBrowser, expected.Results);
    }

    [Fact]
    public async Task The_server_field_error_for_a_restaurant_the_owner_does_not_own_shows_under_the_restaurant()
    {
        var tag = Tag();
        var (othersId, _) = await CreateRestaurantAsync(host.OtherOwner, "Not Mine " + tag);
        using var owner = host.As(host.Owner);
        await using var browser = await AdminUiBrowser.OpenAsync(host);
        browser.AllowConsoleError("400"); // the refused create itself
        await browser.SignInAsync(host.Owner, MyMenu);
        await browser.ByTestId("new-row").ClickAsync();

        // The search shows the owner's restaurants only; the other owner's is typed by its id and taken with the keyboard.
        var lookup = Field(browser, "Restaurant");
        await lookup.FillAsync(othersId.ToString(CultureInfo.InvariantCulture));
        var byId = browser.ByTestId("lookup-option").Filter(new() { HasText = "by Id" });
        await Expect(byId).ToHaveTextAsync($"{othersId} · by Id");
        await Expect(browser.Page.GetByRole(AriaRole.Listbox)).ToHaveAttributeAsync("aria-busy", "false"); // the search answered
        await lookup.PressAsync("ArrowUp"); // from the box, up is the last option: the typed id
        await lookup.PressAsync("Enter");
        await Expect(lookup).ToHaveValueAsync($"{othersId} · by Id");
        await Field(browser, "Name").FillAsync("Stolen dish " + tag);
        await Field(browser, "Price").FillAsync("9.9");
        await browser.ByTestId("form-submit").ClickAsync();

        var serverErrors = await FieldErrorsAsync(() => owner.SendAsync(new CreateMenuItem { RestaurantId = othersId, Name = "Stolen dish " + tag, Price = 9.9m }));
        await Expect(browser.ByTestId("field-error-RestaurantId")).ToHaveTextAsync(serverErrors["RestaurantId"]);
        await Expect(browser.ByTestId("error-summary")).ToHaveCountAsync(0); // its one error is shown under its field
        await Expect(Field(browser, "Name")).ToHaveValueAsync("Stolen dish " + tag);
        await Expect(browser.ByTestId("form-submit")).ToBeEnabledAsync();
        using var admin = host.As(host.Admin);
        Assert.Empty((await admin.SendAsync(new AdminQueryMenuItems { RestaurantId = othersId })).Results);
    }

    private static string Tag() => Guid.NewGuid().ToString("N")[..8];

    private async Task<(int Id, string Name)> CreateRestaurantAsync(TestUser user, string name)
    {
        using var client = host.As(user);
        var id = int.Parse((await client.SendAsync(new CreateRestaurant { Name = name, Cuisine = "Italian", IsOpen = true, DeliveryFee = 2m })).Id!, CultureInfo.InvariantCulture);
        return (id, name);
    }

    /// <summary>Types part of the name into the lookup and picks the row the search shows as "id · name".</summary>
    private static async Task PickRestaurantByNameAsync(BrowserSession browser, int id, string name, string part)
    {
        var lookup = Field(browser, "Restaurant");
        await lookup.FillAsync(part[..6]);
        var option = browser.ByTestId("lookup-option").Filter(new() { HasText = name });
        await Expect(option).ToHaveTextAsync($"{id} · {name}");
        await option.ClickAsync();
        await Expect(lookup).ToHaveValueAsync($"{id} · {name}");
    }

    /// <summary>An input of the open dialog by its label (a required field's label ends with " *").</summary>
    private static ILocator Field(BrowserSession browser, string label) =>
        browser.Page.GetByRole(AriaRole.Dialog).GetByLabel(new Regex($"^{Regex.Escape(label)}( \\*)?$"));

    private static ILocator Row(BrowserSession browser, int id) =>
        browser.Page.Locator($"[data-testid=grid-row][data-id='{id}']");

    private static async Task ExpectEventsAsync(BrowserSession browser, List<CrudEvent> expected)
    {
        var events = browser.ByTestId("history-event");
        await Expect(events).ToHaveCountAsync(expected.Count);
        await Expect(browser.ByTestId("history-event-type")).ToHaveTextAsync(expected.Select(e => e.EventType).ToArray());
        await Expect(browser.ByTestId("history-event-user")).ToHaveTextAsync(expected.Select(e => string.IsNullOrEmpty(e.UserName) ? e.UserId ?? "" : e.UserName).ToArray());
    }

    /// <summary>The field errors the server answers to <paramref name="call"/>, by field.</summary>
    private static async Task<Dictionary<string, string>> FieldErrorsAsync(Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<WebServiceException>(call);
        Assert.Equal(400, error.StatusCode);
        return error.ResponseStatus.Errors!.ToDictionary(e => e.FieldName!, e => e.Message!);
    }

    private sealed record Write(string Operation, string Method, JsonDocument? Body);

    /// <summary>Every write the page sends to the API (not GETs), with its JSON body (Playwright raises its events on one thread).</summary>
    private static List<Write> RecordWrites(IPage page)
    {
        var writes = new List<Write>();
        page.Request += (_, request) =>
        {
            var match = Regex.Match(request.Url, "/api/([A-Za-z]+)");
            if (!match.Success || request.Method == "GET") return;
            writes.Add(new Write(match.Groups[1].Value, request.Method, request.PostData is { } data ? JsonDocument.Parse(data) : null));
        };
        return writes;
    }
}

[Collection(SqliteApp.Name)]
public sealed class SqliteAdminUiFormTests(SqliteMyAppFixture host) : AdminUiFormTests<SqliteMyAppFixture>(host);

[Collection(PostgreSqlApp.Name)]
public sealed class PostgreSqlAdminUiFormTests(PostgreSqlMyAppFixture host) : AdminUiFormTests<PostgreSqlMyAppFixture>(host);
