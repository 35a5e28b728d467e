using System.Globalization;
using System.Text.RegularExpressions;
using BaaS;
using static Microsoft.Playwright.Assertions;

namespace MyApp.Tests;

public abstract partial class AdminUiLogsTests<THost>
{
    [Fact]
    public async Task What_failed_in_the_last_hour_and_for_whom_is_two_clicks_from_the_dashboard()
    {
        var traffic = await LogTraffic.MakeAsync(host);
        await using var browser = await AdminUiBrowser.OpenAsync(host);
        await browser.SignInAsync(host.Admin);
        // The explorer stands in for the RequestLog model's grid in the navigation.
        await Expect(browser.ByTestId("nav-page-analytics")).ToBeVisibleAsync();
        await Expect(browser.ByTestId("nav-model-RequestLog")).ToHaveCountAsync(0);

        await browser.ByTestId("nav-page-logs").ClickAsync();
        await browser.ByTestId("preset-errors-hour").ClickAsync();
        await Expect(browser.Page).ToHaveURLAsync(new Regex(@"/admin-ui/logs\?(?=.*range=1h)(?=.*errors=1)(?=.*sort=user)"));

        // The page's rows are the API's errors since an hour before the page's load (the start it asked for is on the list),
        // ordered by user, a heading per user.
        var list = browser.ByTestId("logs-list");
        async Task<DateTime> AskedFromAsync() =>
            DateTime.Parse((await list.GetAttributeAsync("data-from"))!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
        await Expect(list).ToHaveAttributeAsync("data-from", new Regex("^20"));
        const string byUser = "UserName,-Timestamp,-Id";
        List<RequestLog> shown = [];
        await ExpectRowsAsync(browser, async () =>
            shown = await QueryAsync(new AdminQueryRequestLogs { From = await AskedFromAsync(), MinStatusCode = 400, OrderBy = byUser }));
        Assert.NotEmpty(shown);
        Assert.All(shown, r => Assert.True(r.StatusCode >= 400, $"{r.Operation} answered {r.StatusCode}"));
        var groups = await browser.ByTestId("log-group").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.user)");
        var users = shown.Select(r => r.UserName ?? r.UserId ?? "").ToList();
        Assert.Equal(users.Where((u, i) => i == 0 || users[i - 1] != u), groups);

        // For whom: the customer's three refusals, under the customer's name.
        await ApplyAsync(browser, "filter-user", traffic.Customer.Email);
        await ExpectRowsAsync(browser, async () => await QueryAsync(new AdminQueryRequestLogs
            { From = await AskedFromAsync(), MinStatusCode = 400, UserName = traffic.Customer.Email, OrderBy = byUser }));
        await Expect(browser.ByTestId("log-group")).ToHaveAttributeAsync("data-user", traffic.Customer.Email);
        await Expect(browser.ByTestId("log-group")).ToContainTextAsync("3 on this page");
        await browser.ScreenshotAsync("logs-errors");
    }

    [Fact]
    public async Task An_owner_who_may_enter_the_admin_ui_is_refused_the_log_and_analytics_without_a_refused_call()
    {
        await using var browser = await AdminUiBrowser.OpenAsync(host);
        await browser.SignInAsync(host.Owner, "/admin-ui/logs");
        await Expect(browser.ByTestId("logs-refused")).ToBeVisibleAsync();
        await Expect(browser.ByTestId("nav-page-logs")).ToHaveCountAsync(0);
        await Expect(browser.ByTestId("nav-page-analytics")).ToHaveCountAsync(0);
        await browser.Page.GotoAsync("/admin-ui/analytics");
        await Expect(browser.ByTestId("analytics-refused")).ToBeVisibleAsync();

        // What the page did not ask, the API would have refused.
        using var owner = host.As(host.Owner);
        Assert.Equal(403, (await owner.ApiAsync(new AdminQueryRequestLogs())).StatusCode);
        Assert.Equal(403, (await owner.ApiAsync(new AdminGetRequestAnalytics())).StatusCode);
    }
}
