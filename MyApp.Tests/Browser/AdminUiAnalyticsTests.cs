using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using BaaS;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MyApp.Tests;

/// <summary>
/// The Admin UI's analytics page over MyApp's real log: its charts are drawn, and the numbers beside them (the tables in
/// each chart's details, the totals) are AdminGetRequestAnalytics' answer for the range the page shows; a range without
/// calls shows empty charts, and a bucket the API refuses is shown on its field.
/// </summary>
public abstract class AdminUiAnalyticsTests<THost>(THost host) where THost : MyAppFixture
{
    private static readonly string[] Charts = ["traffic", "duration", "slowest", "operations", "statuses", "users", "keys"];

    /// <summary>Everything the page shows as numbers, read in one go: the range it was answered, the totals and each table.</summary>
    private sealed record Shown(string Loads, string From, string To, string Bucket, Dictionary<string, string> Totals,
        Dictionary<string, List<ShownRow>> Tables);

    private sealed record ShownRow(string Key, Dictionary<string, string> Values);

    private const string ReadScript = """
        () => {
          const root = document.querySelector('[data-testid=analytics]')
          const tables = {}
          for (const t of document.querySelectorAll('table[data-testid^="numbers-"]'))
            tables[t.dataset.testid.slice(8)] = [...t.querySelectorAll('tr[data-key]')].map(r => ({
              key: r.dataset.key, values: Object.fromEntries([...r.querySelectorAll('td[data-field]')].map(td => [td.dataset.field, td.dataset.value])) }))
          const totals = {}
          for (const e of document.querySelectorAll('[data-testid^="total-"]')) totals[e.dataset.testid.slice(6)] = e.dataset.value ?? ''
          return JSON.stringify({ loads: root.dataset.loads, from: root.dataset.from ?? '', to: root.dataset.to ?? '', bucket: root.dataset.bucket ?? '', totals, tables })
        }
        """;

    private static async Task<Shown> ReadAsync(BrowserSession browser) =>
        JsonSerializer.Deserialize<Shown>(await browser.Page.EvaluateAsync<string>(ReadScript), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

    private static DateTime Utc(string value) => DateTime.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);

    /// <summary>What differs between the page and the API's answer, or null when nothing does.</summary>
    private static string? Difference(Shown shown, AdminGetRequestAnalyticsResponse api)
    {
        var differences = new List<string>();
        void Stats(string where, IReadOnlyDictionary<string, string> values, RequestStats stats)
        {
            var expected = new Dictionary<string, double>
            {
                ["requests"] = stats.Requests, ["errors"] = stats.Errors, ["serverErrors"] = stats.ServerErrors, ["averageMs"] = stats.AverageMs,
                ["p50Ms"] = stats.P50Ms, ["p95Ms"] = stats.P95Ms, ["p99Ms"] = stats.P99Ms,
            };
            foreach (var (field, value) in expected)
            {
                if (!values.TryGetValue(field, out var text) || double.Parse(text, CultureInfo.InvariantCulture) != value)
                    differences.Add($"{where} {field}: the page shows {text ?? "nothing"}, the API answered {value.ToString(CultureInfo.InvariantCulture)}");
            }
        }
        void Groups(string table, List<RequestStatsGroup> groups)
        {
            var rows = shown.Tables.GetValueOrDefault(table) ?? [];
            if (!rows.Select(r => r.Key).SequenceEqual(groups.Select(g => g.Key)))
                differences.Add($"{table}: the page lists [{string.Join(", ", rows.Select(r => r.Key))}], the API [{string.Join(", ", groups.Select(g => g.Key))}]");
            else
                foreach (var (row, group) in rows.Zip(groups)) Stats($"{table} {row.Key}", row.Values, group);
        }

        Stats("totals", shown.Totals, api.Totals);
        var series = shown.Tables.GetValueOrDefault("series") ?? [];
        if (!series.Select(r => Utc(r.Key)).SequenceEqual(api.Series.Select(p => p.Start)))
            differences.Add($"series: the page has {series.Count} points, the API {api.Series.Count}");
        else
            foreach (var (row, point) in series.Zip(api.Series)) Stats($"series {row.Key}", row.Values, point);
        Groups("slowest", api.SlowestOperations);
        Groups("operations", api.Operations);
        Groups("users", api.Users);
        Groups("keys", api.ApiKeys);
        Groups("statuses", api.Statuses);
        return differences.Count == 0 ? null : string.Join("\n", differences.Take(10));
    }

    /// <summary>
    /// Waits until the page's numbers are the API's answer for the range the page was answered (asked again after each
    /// load of the page); answers that answer.
    /// </summary>
    private async Task<AdminGetRequestAnalyticsResponse> ExpectTheApisNumbersAsync(BrowserSession browser)
    {
        using var admin = host.As(host.Admin);
        var clock = Stopwatch.StartNew();
        string? difference = "the page showed no answer";
        while (true)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(40), "The page's numbers are not the API's:\n" + difference);
            var shown = await ReadAsync(browser);
            // Read between two equal load numbers: one answer, not a mix of two.
            if (shown.From != "" && (await browser.ByTestId("analytics").GetAttributeAsync("data-loads")) == shown.Loads)
            {
                var api = await admin.SendAsync(new AdminGetRequestAnalytics
                {
                    From = Utc(shown.From), To = Utc(shown.To), Bucket = Enum.Parse<RequestAnalyticsBucket>(shown.Bucket),
                });
                Assert.Equal((Utc(shown.From), Utc(shown.To)), (api.From, api.To));
                difference = Difference(shown, api);
                if (difference is null) return api;
            }
            await Task.Delay(200);
        }
    }

    /// <summary>Whether a chart's canvas has a pixel drawn.</summary>
    private static Task<bool> DrawnAsync(BrowserSession browser, string chart) =>
        browser.ByTestId($"chart-{chart}").Locator("canvas").EvaluateAsync<bool>("""
            c => {
              if (c.width === 0 || c.height === 0) return false
              const pixels = c.getContext('2d').getImageData(0, 0, c.width, c.height).data
              for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) return true
              return false
            }
            """);

    [Fact]
    public async Task The_charts_are_drawn_and_their_numbers_are_the_analytics_apis_for_the_same_range()
    {
        await using var browser = await AdminUiBrowser.OpenAsync(host);
        await browser.SignInAsync(host.Admin);
        // The browser's sign-in first, then the users' calls, all written before the page asks: from here on the browser
        // moves within the app, and analytics are calls the log does not record, so the log stands still.
        var traffic = await LogTraffic.MakeAsync(host);
        await LogTraffic.FlushedAsync(host);

        await browser.ByTestId("nav-page-analytics").ClickAsync();
        await browser.ByTestId("range-1h").ClickAsync();
        await Expect(browser.Page).ToHaveURLAsync(new Regex(@"/admin-ui/analytics\?range=1h$"));
        await Expect(browser.ByTestId("analytics")).ToHaveAttributeAsync("data-bucket", "Minute");

        var api = await ExpectTheApisNumbersAsync(browser);
        Assert.Equal(61, api.Series.Count);
        Assert.Contains(api.ApiKeys, k => k.Key == traffic.ApiKeyId.ToString(CultureInfo.InvariantCulture) && k.Requests == 2 && k.Errors == 1);
        Assert.Contains(api.Statuses, s => s.Key == "401");
        Assert.True(api.Totals.Errors >= 5, $"{api.Totals.Errors} errors");
        foreach (var chart in Charts)
        {
            var clock = Stopwatch.StartNew();
            while (!await DrawnAsync(browser, chart))
            {
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"The {chart} chart's canvas is blank.");
                await Task.Delay(100);
            }
        }
        await Expect(browser.ByTestId("total-requests")).ToHaveAttributeAsync("data-value", api.Totals.Requests.ToString(CultureInfo.InvariantCulture));
        // Tall enough for every chart in the picture (the page scrolls inside the Admin UI's frame).
        await browser.Page.SetViewportSizeAsync(1366, 1900);
        await browser.ScreenshotAsync("analytics");
        await browser.Page.SetViewportSizeAsync(1366, 860);

        // A table's numbers are there to read: the status mix's, opened.
        var statuses = browser.ByTestId("chart-statuses");
        await statuses.Locator("summary").ClickAsync();
        await Expect(statuses.GetByTestId("numbers-statuses").Locator("tr[data-key='401']")).ToBeVisibleAsync();

        // A status row leads to those calls in the log, over the same range.
        await statuses.GetByTestId("numbers-statuses").Locator("tr[data-key='401'] a").ClickAsync();
        await Expect(browser.Page).ToHaveURLAsync(new Regex(@"/admin-ui/logs\?(?=.*range=1h)(?=.*status=401)"));
        await Expect(browser.ByTestId("logs-table")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_range_without_calls_shows_empty_charts_and_a_bucket_the_api_refuses_is_shown_on_its_field()
    {
        await using var browser = await AdminUiBrowser.OpenAsync(host);
        await browser.SignInAsync(host.Admin, "/admin-ui/analytics?from=2020-01-01T00:00&to=2020-01-01T01:00");
        await Expect(browser.ByTestId("analytics")).ToHaveAttributeAsync("data-from", new Regex("^2020-01-01T00:00:00"));
        var api = await ExpectTheApisNumbersAsync(browser);
        Assert.Equal(0, api.Totals.Requests);
        foreach (var chart in Charts)
        {
            await Expect(browser.ByTestId($"chart-{chart}").GetByTestId("chart-empty")).ToBeVisibleAsync();
            await Expect(browser.ByTestId($"chart-{chart}").Locator("canvas")).ToHaveCountAsync(0);
        }
        await Expect(browser.ByTestId("total-requests")).ToHaveAttributeAsync("data-value", "0");
        await Expect(browser.ByTestId("range-from")).ToHaveValueAsync("2020-01-01T00:00");

        // A range that ends before it starts is refused on the page, before any call.
        await browser.ByTestId("range-from").FillAsync("2020-01-01T02:00");
        await browser.ByTestId("range-from").DispatchEventAsync("change");
        await Expect(browser.ByTestId("range-error")).ToBeVisibleAsync();
        await Expect(browser.ByTestId("analytics-invalid-range")).ToBeVisibleAsync();

        // Thirty days of minutes are more points than the API draws: it says so, on the field.
        browser.AllowConsoleError("status of 400");
        await browser.ByTestId("range-30d").ClickAsync();
        await browser.ByTestId("analytics-bucket").SelectOptionAsync(nameof(RequestAnalyticsBucket.Minute));
        await Expect(browser.ByTestId("bucket-error")).ToBeVisibleAsync();
        await Expect(browser.Page).ToHaveURLAsync(new Regex("bucket=Minute"));
    }
}

[Collection(SqliteLoggingApp.Name)]
public sealed class SqliteAdminUiAnalyticsTests(SqliteLoggingMyAppFixture host) : AdminUiAnalyticsTests<SqliteLoggingMyAppFixture>(host);

[Collection(PostgreSqlLoggingApp.Name)]
public sealed class PostgreSqlAdminUiAnalyticsTests(PostgreSqlLoggingMyAppFixture host) : AdminUiAnalyticsTests<PostgreSqlLoggingMyAppFixture>(host);
