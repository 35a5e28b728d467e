using System.Globalization;
using System.Text.Json;
using BaaS;
using BaaS.Client;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MyApp.Tests;

/// <summary>
/// The Admin UI's database page and dashboard against the API they draw from: the tables and their counts as
/// AdminQueryTables gives them, a table's pages and orders as AdminQueryTableRows gives them, the dashboard's counts as
/// AdminQueryUsers and AdminGetJobStats give them, and an Owner's dashboard that calls nothing an Owner may not.
/// </summary>
public abstract class AdminUiDatabaseTests<THost>(THost host) where THost : MyAppFixture
{
    private async Task<T> AsAdminAsync<T>(IReturn<T> request)
    {
        using var client = host.As(host.Admin);
        return await client.GetAsync(request);
    }

    [Fact]
    public async Task The_database_page_lists_the_apps_tables_with_the_apis_row_counts_and_filters_them()
    {
        // Counts taken before the page can load and after it showed them: a table whose count held still between the two
        // shows that count (the request log, the auth tables and the jobs' grow with every call, the page's own too).
        var before = await AsAdminAsync(new AdminQueryTables());
        await using var browser = await AdminUiBrowser.OpenAsync(host);
        await browser.SignInAsync(host.Admin, "/admin-ui/database");
        await Expect(browser.ByTestId("tables")).ToBeVisibleAsync();
        var after = await AsAdminAsync(new AdminQueryTables());

        Assert.Contains(after.Results, t => t.Name == "restaurant");
        Assert.Contains(after.Results, t => t.Name == "menu_item");
        await Expect(browser.ByTestId("dialect")).ToHaveTextAsync(after.Dialect);
        var rows = browser.ByTestId("tables").Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(after.Results.Count);
        Assert.Equal(after.Results.Select(t => t.Name), await browser.ByTestId("table-link").AllTextContentsAsync());
        foreach (var table in after.Results.Where(t => before.Results.Single(b => b.Name == t.Name && b.Schema == t.Schema).RowCount == t.RowCount))
            Assert.Equal(table.RowCount, Digits(await browser.ByTestId($"table-{table.Name}").GetByTestId("row-count").TextContentAsync()));
        await browser.ScreenshotAsync("database");

        await browser.ByTestId("table-filter").FillAsync("menu");
        await Expect(rows).ToHaveCountAsync(after.Results.Count(t => t.Name.Contains("menu", StringComparison.OrdinalIgnoreCase)));
        await Expect(browser.ByTestId("table-menu_item")).ToBeVisibleAsync();
        Assert.Contains("q=menu", browser.Page.Url, StringComparison.Ordinal);
        await browser.ByTestId("table-filter").FillAsync("no table is called this");
        await Expect(browser.ByTestId("empty")).ToHaveTextAsync("No tables match");
    }

    [Fact]
    public async Task A_table_pages_and_sorts_with_the_apis_rows()
    {
        await using var browser = await AdminUiBrowser.OpenAsync(host);
        await browser.SignInAsync(host.Admin, "/admin-ui/database");
        await browser.ByTestId("table-menu_item").GetByTestId("table-link").ClickAsync();
        await Expect(browser.ByTestId("table-name")).ToHaveTextAsync("menu_item");

        var first = await AsAdminAsync(new AdminQueryTableRows { Table = "menu_item" });
        await ExpectRowsAsync(browser, first);
        Assert.Equal(first.Total, Digits(await browser.ByTestId("total").TextContentAsync()));

        // Three rows a page (from the URL), then the next page.
        await browser.Page.GotoAsync("/admin-ui/database/menu_item?take=3");
        await ExpectRowsAsync(browser, await AsAdminAsync(new AdminQueryTableRows { Table = "menu_item", Take = 3 }));
        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Next page" }).ClickAsync();
        await Expect(browser.ByTestId("pager-status")).ToContainTextAsync("4–6");
        await ExpectRowsAsync(browser, await AsAdminAsync(new AdminQueryTableRows { Table = "menu_item", Take = 3, Skip = 3 }));
        Assert.Contains("skip=3", browser.Page.Url, StringComparison.Ordinal);

        // A header sorts by its column, again the other way; each goes back to the first page.
        await browser.ByTestId("sort-name").ClickAsync();
        await Expect(browser.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("orderBy=name"));
        await ExpectRowsAsync(browser, await AsAdminAsync(new AdminQueryTableRows { Table = "menu_item", Take = 3, OrderBy = "name" }));
        await browser.ByTestId("sort-name").ClickAsync();
        await Expect(browser.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("orderBy=-name"));
        await ExpectRowsAsync(browser, await AsAdminAsync(new AdminQueryTableRows { Table = "menu_item", Take = 3, OrderBy = "-name" }));

        // The page size from the select, and a filter on one column.
        await Expect(browser.ByTestId("page-size")).ToHaveValueAsync("3");
        await browser.ByTestId("page-size").SelectOptionAsync("10");
        await Expect(browser.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("take=10"));
        await ExpectRowsAsync(browser, await AsAdminAsync(new AdminQueryTableRows { Table = "menu_item", Take = 10, OrderBy = "-name" }));
        await browser.ByTestId("filter-column").SelectOptionAsync("restaurant_id");
        await browser.ByTestId("filter-value").FillAsync("1");
        await browser.ByTestId("filter-apply").ClickAsync();
        await Expect(browser.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("filterValue=1"));
        var filtered = await AsAdminAsync(new AdminQueryTableRows { Table = "menu_item", Take = 10, OrderBy = "-name", FilterColumn = "restaurant_id", FilterValue = "1" });
        Assert.NotEmpty(filtered.Results);
        await ExpectRowsAsync(browser, filtered);

        await browser.ByTestId("columns-toggle").ClickAsync();
        await Expect(browser.ByTestId("columns").Locator("tbody tr")).ToHaveCountAsync(first.Columns.Count);
        await browser.ScreenshotAsync("table");
    }

    [Fact]
    public async Task The_dashboard_shows_the_apis_user_and_job_counts_to_an_admin()
    {
        var metadata = await host.Http.GetStringAsync("/metadata/app.json");
        using var json = JsonDocument.Parse(metadata);
        var operations = json.RootElement.GetProperty("api").GetProperty("operations").GetArrayLength();
        await using var browser = await AdminUiBrowser.OpenAsync(host);
        var usersBefore = (await AsAdminAsync(new AdminQueryUsers { Take = 1 })).Total;
        var jobsBefore = await AsAdminAsync(new AdminGetJobStats());
        await browser.SignInAsync(host.Admin);
        await Expect(browser.ByTestId("count-users").GetByTestId("count-value")).Not.ToHaveTextAsync("…");
        await Expect(browser.ByTestId("jobs-queued")).ToBeVisibleAsync();
        var usersAfter = (await AsAdminAsync(new AdminQueryUsers { Take = 1 })).Total;
        var jobsAfter = await AsAdminAsync(new AdminGetJobStats());

        await Expect(browser.ByTestId("dashboard-title")).ToHaveTextAsync("MyApp");
        await Expect(browser.ByTestId("count-operations").GetByTestId("count-value")).ToHaveTextAsync(operations.ToString(CultureInfo.InvariantCulture));
        AssertOneOf(await browser.ByTestId("count-users").GetByTestId("count-value").TextContentAsync(), usersBefore, usersAfter);
        foreach (var (state, count) in new[]
                 {
                     ("queued", (jobsBefore.Queued, jobsAfter.Queued)), ("running", (jobsBefore.Running, jobsAfter.Running)),
                     ("failed", (jobsBefore.Failed, jobsAfter.Failed)), ("completed", (jobsBefore.Completed, jobsAfter.Completed)),
                     ("cancelled", (jobsBefore.Cancelled, jobsAfter.Cancelled)),
                 })
            AssertOneOf(await browser.ByTestId($"jobs-{state}").GetByTestId("count-value").TextContentAsync(), count.Item1, count.Item2);
        await Expect(browser.ByTestId("link-model-Restaurant")).ToBeVisibleAsync();
        foreach (var page in new[] { "users", "keys", "roles", "jobs", "database" })
            await Expect(browser.ByTestId($"link-page-{page}")).ToBeVisibleAsync();
        await Expect(browser.ByTestId("link-metadata")).ToHaveAttributeAsync("href", "/metadata/app.json");
        await Expect(browser.ByTestId("link-openapi")).ToHaveAttributeAsync("href", "/openapi.json");
        await Expect(browser.ByTestId("link-explorer")).ToHaveAttributeAsync("href", "/ui");
        await browser.ScreenshotAsync("dashboard");
    }

    [Fact]
    public async Task An_owners_dashboard_shows_no_admin_counts_and_makes_no_call_an_owner_may_not()
    {
        await using var browser = await AdminUiBrowser.OpenAsync(host);
        var adminCalls = new List<string>();
        browser.Page.Request += (_, request) =>
        {
            if (request.Url.Contains("/api/Admin", StringComparison.Ordinal) && !request.Url.Contains("/api/AdminUiSession", StringComparison.Ordinal))
                lock (adminCalls) adminCalls.Add(request.Url);
        };
        await browser.SignInAsync(host.Owner);

        await Expect(browser.ByTestId("count-operations")).ToBeVisibleAsync();
        await Expect(browser.ByTestId("link-model-MenuItem")).ToBeVisibleAsync();
        await Expect(browser.ByTestId("count-users")).ToHaveCountAsync(0);
        await Expect(browser.ByTestId("jobs")).ToHaveCountAsync(0);
        await Expect(browser.ByTestId("link-page-database")).ToHaveCountAsync(0);
        await Expect(browser.ByTestId("link-page-users")).ToHaveCountAsync(0);

        // A deep link to the database page tells the owner it is not theirs, and calls nothing.
        await browser.Page.GotoAsync("/admin-ui/database/restaurant");
        await Expect(browser.ByTestId("not-allowed")).ToBeVisibleAsync();
        lock (adminCalls) Assert.Empty(adminCalls);
        await browser.ScreenshotAsync("dashboard-owner");
    }

    /// <summary>A count as the page shows it, whatever the browser's locale puts between thousands.</summary>
    private static long Digits(string? shown) => long.Parse(new string((shown ?? "").Where(char.IsAsciiDigit).ToArray()), CultureInfo.InvariantCulture);

    private static void AssertOneOf(string? shown, long before, long after) =>
        Assert.True(shown == before.ToString(CultureInfo.InvariantCulture) || shown == after.ToString(CultureInfo.InvariantCulture),
            $"The page shows {shown}; the API said {before}, then {after}.");

    /// <summary>The page's rows, cell by cell, are the API's (numbers by value, NULL for null).</summary>
    private static async Task ExpectRowsAsync(BrowserSession browser, AdminQueryTableRowsResponse expected)
    {
        // The rows drawn are those of the URL the page is at now, not of the one before.
        var now = new Uri(browser.Page.Url).PathAndQuery["/admin-ui".Length..];
        await Expect(browser.ByTestId("rows")).ToHaveAttributeAsync("data-loaded-for", now);
        var rows = browser.ByTestId("rows").GetByTestId("row");
        await Expect(rows).ToHaveCountAsync(expected.Results.Count);
        if (expected.Results.Count > 0)
            await Expect(rows.First.GetByTestId("cell").First).ToHaveTextAsync(Shown(expected.Results[0][0]));
        for (var i = 0; i < expected.Results.Count; i++)
        {
            var cells = await rows.Nth(i).GetByTestId("cell").AllTextContentsAsync();
            Assert.Equal(expected.Results[i].Count, cells.Count);
            for (var j = 0; j < cells.Count; j++)
            {
                if (expected.Results[i][j] is JsonElement { ValueKind: JsonValueKind.Number } number)
                    Assert.Equal(number.GetDouble(), double.Parse(cells[j], CultureInfo.InvariantCulture));
                else
                    Assert.Equal(Shown(expected.Results[i][j]), cells[j]);
            }
        }
    }

    private static string Shown(object? value) => value is JsonElement e
        ? e.ValueKind switch
        {
            JsonValueKind.Null => "NULL",
            JsonValueKind.String => e.GetString()!,
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Number => e.GetDouble().ToString(CultureInfo.InvariantCulture),
            _ => e.GetRawText(),
        }
        : "NULL";
}

[Collection(SqliteApp.Name)]
public sealed class SqliteAdminUiDatabaseTests(SqliteMyAppFixture host) : AdminUiDatabaseTests<SqliteMyAppFixture>(host);

[Collection(PostgreSqlApp.Name)]
public sealed class PostgreSqlAdminUiDatabaseTests(PostgreSqlMyAppFixture host) : AdminUiDatabaseTests<PostgreSqlMyAppFixture>(host);
