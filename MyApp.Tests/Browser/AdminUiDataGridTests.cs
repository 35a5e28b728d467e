using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using BaaS;
using MyApp.ServiceModel;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace MyApp.Tests;

/// <summary>
/// The Admin UI's data grid against the API: what it shows for a query, a filter, an order and a page is what the typed
/// client gets for the same query as the same user; the grid's state lives in the URL; the CSV is the query's rows.
/// </summary>
public abstract class AdminUiDataGridTests<THost>(THost host, ITestOutputHelper output) where THost : MyAppFixture
{
    private const string Grid = "/admin-ui/data/Restaurant";

    [Fact]
    public async Task A_first_visit_to_the_restaurants_grid_loads_only_compressed_same_site_scripts_and_styles()
    {
        // A fresh browser (nothing cached) follows a link to the grid, signs in and sees the rows; every script and style
        // it asked for is then fetched as a browser would (gzip accepted) to report what the first page costs.
        await using var browser = await AdminUiBrowser.OpenAsync(host);
        var assets = new List<string>();
        browser.Page.Request += (_, request) =>
        {
            if (request.ResourceType is "script" or "stylesheet") lock (assets) assets.Add(request.Url);
        };
        await browser.SignInAsync(host.Admin, Grid);
        await Expect(browser.ByTestId("grid-row").First).ToBeVisibleAsync();

        using var http = new HttpClient(new HttpClientHandler { AutomaticDecompression = System.Net.DecompressionMethods.None });
        long js = 0, css = 0;
        foreach (var url in assets.Distinct())
        {
            Assert.StartsWith(host.BaseUrl + "/admin-ui/assets/", url, StringComparison.Ordinal);
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.AcceptEncoding.ParseAdd("gzip");
            using var response = await http.SendAsync(request);
            var size = (await response.Content.ReadAsByteArrayAsync()).Length;
            // Every file is compressed but the tiniest (a chunk the two pages share), whose gzip would be no smaller.
            if (size > 256) Assert.Equal("gzip", Assert.Single(response.Content.Headers.ContentEncoding));
            else Assert.Empty(response.Content.Headers.ContentEncoding);
            if (url.EndsWith(".css", StringComparison.Ordinal)) css += size; else js += size;
        }
        Assert.True(js > 0 && css > 0, string.Join(", ", assets));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"The sign-in and restaurants pages load {assets.Distinct().Count()} files: JS {js / 1024.0:F1} KB + CSS {css / 1024.0:F1} KB gzipped = {(js + css) / 1024.0:F1} KB"));
    }

    [Fact]
    public async Task The_restaurants_grid_shows_the_rows_and_total_the_api_gives_the_same_user()
    {
        await using var browser = await AdminUiBrowser.OpenAsync(host);
        await browser.SignInAsync(host.Admin);
        using var admin = host.As(host.Admin);

        var clock = Stopwatch.StartNew();
        await browser.Page.GotoAsync(Grid);
        // A wait, not a timed assertion: the time is reported only (a loaded machine's first page can take seconds).
        await browser.ByTestId("grid-row").First.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 60_000 });
        output.WriteLine($"First render of the restaurants grid ({host.Server.Database!.Kind}): {clock.ElapsedMilliseconds} ms from navigation start to the first row visible");

        var expected = await admin.SendAsync(new QueryRestaurants { Take = 25, Include = "total" });
        Assert.NotEmpty(expected.Results);
        await ExpectRowsAsync(browser, expected.Results.Select(r => r.Id));
        await Expect(browser.ByTestId("pager-status")).ToHaveTextAsync($"1–{expected.Results.Count} of {expected.Total}");
        var first = expected.Results[0];
        var row = browser.ByTestId("grid-row").First;
        await Expect(row.GetByTestId("cell-Name")).ToHaveTextAsync(first.Name);
        await Expect(row.GetByTestId("cell-IsOpen")).ToHaveTextAsync("✓");
        await Expect(browser.ByTestId("col-Rating")).ToHaveAttributeAsync("aria-sort", "none"); // the DTO's own order until a header is clicked
        await browser.ScreenshotAsync("restaurants");
    }

    [Fact]
    public async Task A_filter_a_sort_and_the_second_page_show_what_the_api_gives_and_back_goes_to_the_first_page()
    {
        var tag = await CreateRestaurantsAsync(12);
        await using var browser = await AdminUiBrowser.OpenAsync(host);
        await browser.SignInAsync(host.Admin, Grid);
        await Expect(browser.ByTestId("grid-row").First).ToBeVisibleAsync();
        using var admin = host.As(host.Admin);
        var page = browser.Page;

        await browser.ByTestId("page-size").SelectOptionAsync("10");
        await browser.ByTestId("filter-Cuisine").ClickAsync();
        await browser.ByTestId("filter-menu-Cuisine").GetByTestId("filter-op").SelectOptionAsync("cuisineContains");
        await browser.ByTestId("filter-menu-Cuisine").GetByTestId("filter-value").FillAsync(tag.ToLowerInvariant());
        await browser.ByTestId("filter-apply").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"cuisineContains={tag.ToLowerInvariant()}"));
        var filtered = await admin.SendAsync(new QueryRestaurants { CuisineContains = tag.ToLowerInvariant(), Take = 10, Include = "total" });
        await ExpectRowsAsync(browser, filtered.Results.Select(r => r.Id));
        Assert.Equal(12, filtered.Total);

        await browser.ByTestId("sort-DeliveryMinutes").ClickAsync();
        await Expect(browser.ByTestId("col-DeliveryMinutes")).ToHaveAttributeAsync("aria-sort", "ascending");
        var sorted = await admin.SendAsync(new QueryRestaurants { CuisineContains = tag, OrderBy = "DeliveryMinutes", Take = 10 });
        await ExpectRowsAsync(browser, sorted.Results.Select(r => r.Id));
        await browser.ByTestId("sort-DeliveryMinutes").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("orderBy=-DeliveryMinutes"));
        var descending = await admin.SendAsync(new QueryRestaurants { CuisineContains = tag, OrderBy = "-DeliveryMinutes", Take = 10 });
        await ExpectRowsAsync(browser, descending.Results.Select(r => r.Id));

        await page.GetByRole(AriaRole.Button, new() { Name = "Next page" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("skip=10"));
        var second = await admin.SendAsync(new QueryRestaurants { CuisineContains = tag, OrderBy = "-DeliveryMinutes", Skip = 10, Take = 10, Include = "total" });
        Assert.Equal(2, second.Results.Count);
        await ExpectRowsAsync(browser, second.Results.Select(r => r.Id));
        await Expect(browser.ByTestId("pager-status")).ToHaveTextAsync("11–12 of 12");

        await page.GoBackAsync();
        await ExpectRowsAsync(browser, descending.Results.Select(r => r.Id));
        await page.ReloadAsync();
        await ExpectRowsAsync(browser, descending.Results.Select(r => r.Id));
        await Expect(browser.ByTestId("col-DeliveryMinutes")).ToHaveAttributeAsync("aria-sort", "descending");

        await browser.ByTestId("sort-DeliveryMinutes").ClickAsync(); // a third click: the DTO's own order again
        await Expect(page).Not.ToHaveURLAsync(new Regex("orderBy="));
        await ExpectRowsAsync(browser, filtered.Results.Select(r => r.Id));
        await browser.ByTestId("clear-filters").ClickAsync();
        await Expect(browser.ByTestId("active-filter")).ToHaveCountAsync(0);
        var all = await admin.SendAsync(new QueryRestaurants { Take = 10 });
        await ExpectRowsAsync(browser, all.Results.Select(r => r.Id));
    }

    [Fact]
    public async Task The_csv_export_downloads_every_row_of_the_query_in_its_order_not_only_the_page()
    {
        var tag = await CreateRestaurantsAsync(12);
        await using var browser = await AdminUiBrowser.OpenAsync(host);
        await browser.SignInAsync(host.Admin, $"{Grid}?cuisineContains={tag}&orderBy=-DeliveryMinutes&take=10");
        await Expect(browser.ByTestId("grid-row")).ToHaveCountAsync(10);

        var download = await browser.Page.RunAndWaitForDownloadAsync(() => browser.ByTestId("export-csv").ClickAsync());
        Assert.Equal("restaurants.csv", download.SuggestedFilename);
        var csv = ParseCsv(await File.ReadAllTextAsync(await download.PathAsync()));

        using var admin = host.As(host.Admin);
        var expected = await admin.SendAsync(new QueryRestaurants { CuisineContains = tag, OrderBy = "-DeliveryMinutes", Take = 100 });
        Assert.Equal(12, expected.Results.Count);
        var header = csv[0];
        int id = header.IndexOf("Id"), name = header.IndexOf("Name");
        Assert.Equal(expected.Results.Select(r => r.Id.ToString(CultureInfo.InvariantCulture)), csv.Skip(1).Select(r => r[id]));
        Assert.Equal(expected.Results.Select(r => r.Name), csv.Skip(1).Select(r => r[name]));
    }

    [Fact]
    public async Task A_hidden_column_stays_hidden_after_a_reload_and_a_searched_deep_link_survives_it()
    {
        var tag = await CreateRestaurantsAsync(3);
        await using var browser = await AdminUiBrowser.OpenAsync(host);
        await browser.SignInAsync(host.Admin, Grid);
        await Expect(browser.ByTestId("col-Address")).ToBeVisibleAsync();

        await browser.ByTestId("column-chooser").ClickAsync();
        await browser.ByTestId("column-toggle-Address").UncheckAsync();
        await Expect(browser.ByTestId("col-Address")).ToHaveCountAsync(0);
        await Expect(browser.ByTestId("col-Name")).ToBeVisibleAsync();

        // The search box filters on the DTO's first declared text filter, NameContains.
        var name = $"Grid {tag} 2";
        await browser.ByTestId("grid-search").FillAsync(name);
        await Expect(browser.Page).ToHaveURLAsync(new Regex("nameContains=Grid"));
        using var admin = host.As(host.Admin);
        var expected = await admin.SendAsync(new QueryRestaurants { NameContains = name });
        await ExpectRowsAsync(browser, expected.Results.Select(r => r.Id));

        await browser.Page.ReloadAsync();
        await ExpectRowsAsync(browser, expected.Results.Select(r => r.Id));
        await Expect(browser.ByTestId("grid-search")).ToHaveValueAsync(name);
        await Expect(browser.ByTestId("col-Address")).ToHaveCountAsync(0);
        await Expect(browser.ByTestId("grid-row").First.GetByTestId("cell-Name")).ToHaveTextAsync(name);

        await browser.Page.GotoAsync($"{Grid}?nameContains={Uri.EscapeDataString("no such restaurant " + tag)}");
        await Expect(browser.ByTestId("grid-empty")).ToHaveTextAsync("No restaurants match");
    }

    [Fact]
    public async Task A_filter_value_the_server_rejects_is_shown_with_its_message_and_clearing_it_brings_the_rows_back()
    {
        await using var browser = await AdminUiBrowser.OpenAsync(host);
        browser.AllowConsoleError("400"); // the refused query itself
        await browser.SignInAsync(host.Admin, $"{Grid}?ratingGreaterThan=lots");
        await Expect(browser.ByTestId("error-summary")).ToBeVisibleAsync();
        using var http = host.CreateHttp();
        http.DefaultRequestHeaders.Authorization = new("Bearer", host.Admin.Token);
        using var refused = await http.GetAsync("/api/QueryRestaurants?ratingGreaterThan=lots&skip=0&take=25&include=total"); // what the grid sends
        Assert.Equal(400, (int)refused.StatusCode);
        var status = System.Text.Json.JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("responseStatus");
        await Expect(browser.ByTestId("error-summary")).ToContainTextAsync(status.GetProperty("message").GetString()!);
        using var admin = host.As(host.Admin);
        await browser.ByTestId("clear-filters").ClickAsync();
        await Expect(browser.ByTestId("error-summary")).ToHaveCountAsync(0);
        await ExpectRowsAsync(browser, (await admin.SendAsync(new QueryRestaurants { Take = 25 })).Results.Select(r => r.Id));
    }

    [Fact]
    public async Task An_owner_chooses_between_the_queries_owners_may_call_and_edits_or_deletes_only_their_own_rows()
    {
        var tag = await CreateRestaurantsAsync(2);
        await using var browser = await AdminUiBrowser.OpenAsync(host);
        await browser.SignInAsync(host.Owner, Grid + "?op=QueryRestaurants");
        await Expect(browser.ByTestId("grid-row").First).ToBeVisibleAsync();
        using var owner = host.As(host.Owner);

        // Owners may call both queries, and CreateRestaurant; DeleteRestaurant and PatchRestaurant reach only rows whose
        // OwnerId is the caller ([AutoFilter(OwnerId, Eval = "userAuthId")]), which QueryRestaurants' rows do not show.
        var queries = await browser.ByTestId("query-select").Locator("option").AllTextContentsAsync();
        Assert.Equal(["Query my restaurants", "Query restaurants"], queries.Select(q => q.Trim()).Order());
        await Expect(browser.ByTestId("new-row")).ToBeVisibleAsync();
        await Expect(browser.ByTestId("delete-row")).ToHaveCountAsync(0);
        await Expect(browser.ByTestId("edit-row")).ToHaveCountAsync(0);
        await Expect(browser.ByTestId("history-row")).ToHaveCountAsync(0); // history is for admins

        await browser.ByTestId("query-select").SelectOptionAsync("QueryMyRestaurants");
        await Expect(browser.Page).ToHaveURLAsync(new Regex("op=QueryMyRestaurants"));
        var mine = await owner.SendAsync(new QueryMyRestaurants { Take = 25 });
        await ExpectRowsAsync(browser, mine.Results.Select(r => r.Id));
        await Expect(browser.ByTestId("col-OwnerId")).ToBeVisibleAsync(); // QueryDb<Restaurant>: the model's own columns
        await Expect(browser.ByTestId("delete-row")).ToHaveCountAsync(mine.Results.Count);
        await Expect(browser.ByTestId("edit-row")).ToHaveCountAsync(mine.Results.Count);

        var doomed = (await owner.SendAsync(new QueryMyRestaurants { NameContains = $"Grid {tag} 1" })).Results.Single();
        await browser.ByTestId("grid-search").FillAsync(doomed.Name);
        await ExpectRowsAsync(browser, [doomed.Id]);
        await browser.ByTestId("delete-row").ClickAsync();
        await browser.ByTestId("confirm").ClickAsync();
        await Expect(browser.ByTestId("grid-empty")).ToBeVisibleAsync();
        Assert.Empty((await owner.SendAsync(new QueryMyRestaurants { Id = doomed.Id })).Results);

        await browser.ByTestId("new-row").ClickAsync();
        await Expect(browser.Page.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_admin_gets_the_admin_query_too_edits_every_row_through_the_admin_patch_and_sees_each_rows_history()
    {
        await using var browser = await AdminUiBrowser.OpenAsync(host);
        await browser.SignInAsync(host.Admin, Grid);
        await Expect(browser.ByTestId("grid-row").First).ToBeVisibleAsync();
        var queries = await browser.ByTestId("query-select").Locator("option").AllTextContentsAsync();
        Assert.Equal(["Admin query restaurants", "Query my restaurants", "Query restaurants"], queries.Select(q => q.Trim()).Order());
        await Expect(browser.ByTestId("query-select")).ToHaveValueAsync("QueryRestaurants"); // the model's conventional query first

        // AdminPatchRestaurant (Admin, no [AutoFilter]) reaches every row; DeleteRestaurant reaches only the caller's own,
        // and QueryRestaurants' rows do not show their owner, so no row offers Delete.
        var rows = await browser.ByTestId("grid-row").CountAsync();
        await Expect(browser.ByTestId("edit-row")).ToHaveCountAsync(rows);
        await Expect(browser.ByTestId("history-row")).ToHaveCountAsync(rows);
        await Expect(browser.ByTestId("delete-row")).ToHaveCountAsync(0);
        await browser.ByTestId("history-row").First.ClickAsync();
        await Expect(browser.Page.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();
        await browser.Page.Keyboard.PressAsync("Escape");

        await browser.ByTestId("query-select").SelectOptionAsync("AdminQueryRestaurants");
        using var admin = host.As(host.Admin);
        var every = await admin.SendAsync(new AdminQueryRestaurants { Take = 25 });
        await ExpectRowsAsync(browser, every.Results.Select(r => r.Id));
        await Expect(browser.Page.GetByText("Tokyo Table")).ToBeVisibleAsync(); // the closed demo restaurant, which QueryRestaurants leaves out
    }

    /// <summary>Creates open restaurants as the owner with a cuisine of their own and distinct delivery times; returns the cuisine.</summary>
    private async Task<string> CreateRestaurantsAsync(int count)
    {
        var tag = "Grid" + Guid.NewGuid().ToString("N")[..8];
        using var owner = host.As(host.Owner);
        for (var i = 0; i < count; i++)
        {
            await owner.SendAsync(new CreateRestaurant
            {
                Name = $"Grid {tag} {i}", Cuisine = tag, Address = $"{i} Test Street", IsOpen = true, DeliveryMinutes = 10 + 5 * i, DeliveryFee = i,
            });
        }
        return tag;
    }

    /// <summary>Waits until the grid shows exactly these rows, in this order.</summary>
    private static async Task ExpectRowsAsync(BrowserSession browser, IEnumerable<int> ids)
    {
        var expected = ids.Select(i => i.ToString(CultureInfo.InvariantCulture)).ToList();
        var rows = browser.ByTestId("grid-row");
        try
        {
            await Expect(rows).ToHaveCountAsync(expected.Count);
            for (var i = 0; i < expected.Count; i++) await Expect(rows.Nth(i)).ToHaveAttributeAsync("data-id", expected[i]);
        }
        catch (PlaywrightException e)
        {
            var shown = await rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.id)");
            throw new Xunit.Sdk.XunitException($"The grid shows [{string.Join(",", shown)}], the API gives [{string.Join(",", expected)}]: {e.Message}");
        }
    }

    /// <summary>RFC 4180 rows: quoted cells with doubled quotes, CRLF line ends.</summary>
    private static List<List<string>> ParseCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(cell.ToString()); cell.Clear(); }
            else if (c == '\n') { row.Add(cell.ToString()); cell.Clear(); rows.Add(row); row = []; }
            else if (c != '\r') cell.Append(c);
        }
        if (cell.Length > 0 || row.Count > 0) { row.Add(cell.ToString()); rows.Add(row); }
        return rows;
    }
}

[Collection(SqliteApp.Name)]
public sealed class SqliteAdminUiDataGridTests(SqliteMyAppFixture host, ITestOutputHelper output) : AdminUiDataGridTests<SqliteMyAppFixture>(host, output);

[Collection(PostgreSqlApp.Name)]
public sealed class PostgreSqlAdminUiDataGridTests(PostgreSqlMyAppFixture host, ITestOutputHelper output) : AdminUiDataGridTests<PostgreSqlMyAppFixture>(host, output);
