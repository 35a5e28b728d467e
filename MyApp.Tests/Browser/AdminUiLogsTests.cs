using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using BaaS;
using Microsoft.Playwright;
using MyApp.ServiceModel;
using static Microsoft.Playwright.Assertions;

namespace MyApp.Tests;

/// <summary>
/// The Admin UI's request-log explorer over MyApp's real log: it lists a user's calls as AdminQueryRequestLogs does, a
/// status or operation filter narrows them to what the API answers for the same filter, a call's detail shows its trace
/// id and its body with the password withheld, "what failed in the last hour and for whom" is two clicks from the
/// dashboard, and an owner let into the Admin UI is refused both log pages without a refused call.
/// </summary>
public abstract partial class AdminUiLogsTests<THost>(THost host) where THost : MyAppFixture
{
    private async Task<List<RequestLog>> QueryAsync(AdminQueryRequestLogs query)
    {
        using var admin = host.As(host.Admin);
        query.Take ??= 25;
        return (await admin.SendAsync(query)).Results;
    }

    /// <summary>The ids of the rows the page shows, in its order.</summary>
    private static async Task<long[]> PageRowsAsync(BrowserSession browser)
    {
        var rows = browser.Page.Locator("[data-testid=logs-table] tbody tr[data-id]");
        return (await rows.EvaluateAllAsync<long[]>("rows => rows.map(r => Number(r.dataset.id))"));
    }

    /// <summary>
    /// Waits until the page shows the rows the API answers (asked again each round: the page loads on its own after a
    /// filter changes); fails with both lists when it never does.
    /// </summary>
    private static async Task ExpectRowsAsync(BrowserSession browser, Func<Task<List<RequestLog>>> api)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var expected = (await api()).Select(r => r.Id).ToArray();
            var shown = await PageRowsAsync(browser);
            if (expected.SequenceEqual(shown) && (expected.Length > 0 || await browser.ByTestId("logs-empty").IsVisibleAsync())) return;
            if (clock.Elapsed > TimeSpan.FromSeconds(20)) Assert.Equal(expected, shown);
            await Task.Delay(100);
        }
    }

    private static Task ExpectRowsAsync(BrowserSession browser, List<RequestLog> rows) => ExpectRowsAsync(browser, () => Task.FromResult(rows));

    private static async Task ApplyAsync(BrowserSession browser, string filter, string value)
    {
        await browser.ByTestId(filter).FillAsync(value);
        await browser.ByTestId(filter).PressAsync("Enter");
    }

    [Fact]
    public async Task The_log_lists_a_users_calls_and_a_status_or_operation_filter_narrows_them_to_what_the_api_answers()
    {
        var traffic = await LogTraffic.MakeAsync(host);
        var customer = traffic.Customer.Id.ToString();
        await using var browser = await AdminUiBrowser.OpenAsync(host);
        await browser.SignInAsync(host.Admin, $"/admin-ui/logs?userId={customer}");

        var all = await QueryAsync(new AdminQueryRequestLogs { UserId = customer });
        Assert.Equal(LogTraffic.CustomerCalls, all.Count);
        Assert.Equal(2, all.Count(r => r.ApiKeyId == traffic.ApiKeyId));
        await ExpectRowsAsync(browser, all);
        foreach (var row in all)
        {
            var line = browser.ByTestId($"log-row-{row.Id}");
            await Expect(line.GetByTestId($"log-status-{row.Id}")).ToHaveAttributeAsync("data-status", row.StatusCode.ToString(CultureInfo.InvariantCulture));
            await Expect(line.GetByTestId("log-operation")).ToHaveTextAsync(row.Operation);
            await Expect(line.GetByTestId("log-user")).ToHaveTextAsync(traffic.Customer.Email);
            if (row.ApiKeyId is { } key) await Expect(line).ToContainTextAsync($"#{key}");
        }
        await Expect(browser.ByTestId("pager-status")).ToHaveTextAsync($"1–{all.Count} of {all.Count}");
        await Expect(browser.ByTestId("chip-userId")).ToContainTextAsync(customer);
        await browser.ScreenshotAsync("logs");

        // The refusals: status 4xx.
        await ApplyAsync(browser, "filter-status", "4xx");
        await Expect(browser.Page).ToHaveURLAsync(new Regex("status=4xx"));
        var refused = await QueryAsync(new AdminQueryRequestLogs { UserId = customer, MinStatusCode = 400, MaxStatusCode = 499 });
        Assert.Equal(3, refused.Count);
        await ExpectRowsAsync(browser, refused);

        // And of those, one operation's.
        await ApplyAsync(browser, "filter-op", nameof(PlaceOrder));
        await Expect(browser.Page).ToHaveURLAsync(new Regex($"op={nameof(PlaceOrder)}"));
        var orders = await QueryAsync(new AdminQueryRequestLogs { UserId = customer, MinStatusCode = 400, MaxStatusCode = 499, Operation = nameof(PlaceOrder) });
        Assert.Equal([400, 403], orders.Select(r => r.StatusCode).Order());
        await ExpectRowsAsync(browser, orders);

        // A status that is none is refused on the page, before any call.
        await ApplyAsync(browser, "filter-status", "4x");
        await Expect(browser.ByTestId("filter-status-error")).ToBeVisibleAsync();
        await Expect(browser.ByTestId("logs-empty")).ToBeVisibleAsync();
        await browser.ByTestId("chip-status").GetByRole(AriaRole.Button).ClickAsync();
        await ExpectRowsAsync(browser, await QueryAsync(new AdminQueryRequestLogs { UserId = customer, Operation = nameof(PlaceOrder) }));
    }

    [Fact]
    public async Task A_calls_detail_shows_its_trace_id_and_its_body_without_the_password()
    {
        var traffic = await LogTraffic.MakeAsync(host);
        var failed = await traffic.FailedSignInAsync(host);
        Assert.Matches("^[0-9a-f]{32}$", failed.TraceId);
        await using var browser = await AdminUiBrowser.OpenAsync(host);
        await browser.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await browser.SignInAsync(host.Admin, $"/admin-ui/logs?trace={failed.TraceId}");

        await ExpectRowsAsync(browser, [failed]);
        await browser.ByTestId($"log-row-{failed.Id}").ClickAsync();
        await Expect(browser.Page).ToHaveURLAsync(new Regex($"[?&]id={failed.Id}"));
        var detail = browser.ByTestId("log-detail");
        await Expect(detail.GetByTestId("detail-trace-id")).ToHaveTextAsync(failed.TraceId!);
        await Expect(detail.GetByTestId("detail-status")).ToHaveAttributeAsync("data-status", "401");
        await Expect(detail.GetByTestId("detail-error-code")).ToHaveTextAsync(failed.ErrorCode!);
        await Expect(detail.GetByTestId("detail-error-message")).ToHaveTextAsync(failed.ErrorMessage!);
        await Expect(detail.GetByTestId("detail-client-ip")).ToHaveTextAsync(failed.ClientIp!);
        var body = detail.GetByTestId("detail-body");
        await Expect(body).ToContainTextAsync(traffic.Customer.Email);
        await Expect(body).ToContainTextAsync("\"password\": \"***\"");
        Assert.DoesNotContain(traffic.WrongPassword, await browser.Page.ContentAsync(), StringComparison.Ordinal);

        await detail.GetByTestId("copy-trace").ClickAsync();
        await Expect(detail.GetByTestId("copy-trace")).ToContainTextAsync("Copied");
        Assert.Equal(failed.TraceId, await browser.Page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        await browser.ScreenshotAsync("log-detail");

        // The customer's own sign-in, with the right password, opened by a link to it.
        bool Mine(RequestLog r) => r.RequestBody?.Contains(traffic.Customer.Email, StringComparison.Ordinal) == true;
        var signIn = (await traffic.RowsAsync(host, new AdminQueryRequestLogs { Operation = nameof(Authenticate), StatusCode = 200 }, 1, Mine)).First(Mine);
        await browser.Page.GotoAsync($"/admin-ui/logs?id={signIn.Id}");
        await Expect(browser.ByTestId("detail-title")).ToHaveTextAsync(nameof(Authenticate));
        await Expect(browser.ByTestId("detail-body")).ToContainTextAsync(traffic.Customer.Email);
        await Expect(browser.ByTestId("detail-body")).ToContainTextAsync("\"password\": \"***\"");
        var page = await browser.Page.ContentAsync();
        Assert.DoesNotContain(traffic.Customer.Password, page, StringComparison.Ordinal);
        Assert.DoesNotContain(host.Admin.Password, page, StringComparison.Ordinal);

        await browser.Page.Keyboard.PressAsync("Escape");
        await Expect(browser.ByTestId("log-detail")).ToHaveCountAsync(0);
        await Expect(browser.Page).Not.ToHaveURLAsync(new Regex("[?&]id="));
    }
}

[Collection(SqliteLoggingApp.Name)]
public sealed class SqliteAdminUiLogsTests(SqliteLoggingMyAppFixture host) : AdminUiLogsTests<SqliteLoggingMyAppFixture>(host);

[Collection(PostgreSqlLoggingApp.Name)]
public sealed class PostgreSqlAdminUiLogsTests(PostgreSqlLoggingMyAppFixture host) : AdminUiLogsTests<PostgreSqlLoggingMyAppFixture>(host);
