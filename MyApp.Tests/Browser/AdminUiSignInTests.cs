using System.Net;
using BaaS;
using MyApp.ServiceModel;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MyApp.Tests;

/// <summary>Who may enter the Admin UI: an admin signs in, a customer is refused, signing out ends the session.</summary>
public abstract class AdminUiSignInTests<THost>(THost host) where THost : MyAppFixture
{
    [Fact]
    public async Task An_admin_signs_in_and_lands_on_the_dashboard_with_every_admin_page_in_the_navigation()
    {
        await using var browser = await AdminUiBrowser.OpenAsync(host);
        await browser.Page.GotoAsync("/admin-ui/");
        await Expect(browser.ByTestId("signin-form")).ToBeVisibleAsync();
        await browser.ScreenshotAsync("signin");

        await browser.SignInAsync(host.Admin);

        await Expect(browser.ByTestId("app-name")).ToHaveTextAsync("MyApp");
        foreach (var page in new[] { "users", "keys", "roles", "jobs", "database" })
            await Expect(browser.ByTestId($"nav-page-{page}")).ToBeVisibleAsync();
        await Expect(browser.ByTestId("nav-model-Restaurant")).ToBeVisibleAsync();

        // The README's picture: the demo restaurants' grid, as the API gives them.
        using var admin = host.As(host.Admin);
        var demo = await admin.SendAsync(new QueryRestaurants { Ids = [1, 2, 3], Include = "total" });
        await browser.Page.GotoAsync("/admin-ui/data/Restaurant?op=QueryRestaurants&ids=1,2,3");
        await Expect(browser.ByTestId("grid-row")).ToHaveCountAsync(demo.Results.Count);
        await Expect(browser.ByTestId("grid-row").First.GetByTestId("cell-Name")).ToHaveTextAsync(demo.Results[0].Name);
        // [Format(ColumnFormat.Currency)] on the fee: US dollars with two decimals.
        await Expect(browser.ByTestId("grid-row").First.GetByTestId("cell-DeliveryFee"))
            .ToHaveTextAsync("$" + demo.Results[0].DeliveryFee.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
        await browser.ScreenshotAsync("readme-restaurants");
    }

    [Fact]
    public async Task A_wrong_password_is_shown_on_the_form_and_signs_nobody_in()
    {
        await using var browser = await AdminUiBrowser.OpenAsync(host);
        browser.AllowConsoleError("401"); // the refused sign-in itself
        await browser.Page.GotoAsync("/admin-ui/");
        await browser.Page.Locator("#userName").FillAsync(host.Admin.Email);
        await browser.Page.Locator("#password").FillAsync("not the password");
        await browser.ByTestId("signin-submit").ClickAsync();

        await Expect(browser.ByTestId("error-summary")).ToBeVisibleAsync();
        await Expect(browser.ByTestId("sidebar")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_customer_is_refused_even_by_a_deep_link()
    {
        await using var browser = await AdminUiBrowser.OpenAsync(host);
        await browser.Page.GotoAsync("/admin-ui/users");
        await browser.Page.Locator("#userName").FillAsync(host.Customer.Email);
        await browser.Page.Locator("#password").FillAsync(host.Customer.Password);
        await browser.ByTestId("signin-submit").ClickAsync();

        await Expect(browser.ByTestId("refused")).ToBeVisibleAsync();
        await Expect(browser.ByTestId("refused")).ToContainTextAsync("Admin, Owner");
        await browser.Page.GotoAsync("/admin-ui/data/Restaurant");
        await Expect(browser.ByTestId("refused")).ToBeVisibleAsync();
        await Expect(browser.ByTestId("sidebar")).ToHaveCountAsync(0);
        await browser.ScreenshotAsync("signin-refused");
    }

    [Fact]
    public async Task Signing_out_ends_the_session_for_the_page_and_for_the_api()
    {
        await using var browser = await AdminUiBrowser.OpenAsync(host);
        await browser.SignInAsync(host.Admin, "/admin-ui/jobs");
        Assert.EndsWith("/admin-ui/jobs", browser.Page.Url); // the sign-in brought the admin where the link pointed
        var cookies = await browser.Context.CookiesAsync();
        Assert.Contains(cookies, c => c.Name == "ss-tok");

        await browser.ByTestId("sign-out").ClickAsync();
        await Expect(browser.ByTestId("signin-form")).ToBeVisibleAsync();
        Assert.DoesNotContain(await browser.Context.CookiesAsync(), c => c.Name is "ss-tok" or "ss-reftok");

        await browser.Page.ReloadAsync();
        await Expect(browser.ByTestId("signin-form")).ToBeVisibleAsync();
        // The browser now calls as a visitor:
        var session = await browser.Page.APIRequest.GetAsync("/api/AdminUiSession");
        Assert.Equal((int)HttpStatusCode.OK, session.Status);
        Assert.DoesNotContain("userId", await session.TextAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_admin_signs_in_with_an_emailed_code_and_a_wrong_code_is_shown_under_the_field()
    {
        await using var browser = await AdminUiBrowser.OpenAsync(host);
        browser.AllowConsoleError("400"); // the wrong code, refused
        await browser.Page.GotoAsync("/admin-ui/users");
        await browser.ByTestId("use-code").ClickAsync();
        await browser.Page.Locator("#codeEmail").FillAsync(host.Admin.Email);
        await browser.ByTestId("code-send").ClickAsync();
        await Expect(browser.ByTestId("code-sent")).ToContainTextAsync(host.Admin.Email);

        // MyApp has no SMTP server in the tests: in Development the platform writes each email to the log (event 2005).
        var code = await CodeSentToAsync(host.Admin.Email);
        var wrong = code == "000000" ? "111111" : "000000";
        await browser.Page.Locator("#code").FillAsync(wrong);
        await browser.ByTestId("code-submit").ClickAsync();
        await Expect(browser.ByTestId("code-error")).ToBeVisibleAsync();
        await Expect(browser.ByTestId("sidebar")).ToHaveCountAsync(0);

        await browser.Page.Locator("#code").FillAsync(code);
        await browser.ByTestId("code-submit").ClickAsync();
        await Expect(browser.ByTestId("sidebar")).ToBeVisibleAsync();
        Assert.EndsWith("/admin-ui/users", browser.Page.Url); // where the link pointed
        Assert.Contains(await browser.Context.CookiesAsync(), c => c.Name == "ss-tok");
    }

    private async Task<string> CodeSentToAsync(string email)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var written = host.Logs.Messages.LastOrDefault(m => m.EventId.Id == 2005 && m.Message.Contains(email, StringComparison.OrdinalIgnoreCase));
            var match = written is null ? null : System.Text.RegularExpressions.Regex.Match(written.Message, @"^\s*(\d{6})\s*$", System.Text.RegularExpressions.RegexOptions.Multiline); // the line of six digits alone
            if (match is { Success: true }) return match.Groups[1].Value;
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"No sign-in code to {email} was written to the log.");
            await Task.Delay(50);
        }
    }
}

[Collection(SqliteApp.Name)]
public sealed class SqliteAdminUiSignInTests(SqliteMyAppFixture host) : AdminUiSignInTests<SqliteMyAppFixture>(host);

[Collection(PostgreSqlApp.Name)]
public sealed class PostgreSqlAdminUiSignInTests(PostgreSqlMyAppFixture host) : AdminUiSignInTests<PostgreSqlMyAppFixture>(host);
