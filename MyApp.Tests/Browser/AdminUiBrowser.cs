using Microsoft.Playwright;

namespace MyApp.Tests;

/// <summary>The Admin UI of a running MyApp in a fresh headless Chromium: sign-in and the waits every page test needs.</summary>
public static class AdminUiBrowser
{
    /// <summary>Opens a browser session on the app; screenshots go to <c>.ci/tmp/screenshots/{sqlite|postgresql}</c>.</summary>
    public static Task<BrowserSession> OpenAsync(MyAppFixture host) =>
        TestBrowser.OpenAsync(host.BaseUrl, host.Server.Database!.Kind == TestDatabaseKind.PostgreSql ? "postgresql" : "sqlite");

    /// <summary>Signs in through the sign-in page and waits for the dashboard's navigation.</summary>
    public static async Task SignInAsync(this BrowserSession browser, string email, string password, string path = "/admin-ui/")
    {
        var page = browser.Page;
        await page.GotoAsync(path);
        await page.GetByTestId("signin-form").WaitForAsync();
        await page.Locator("#userName").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        await page.GetByTestId("signin-submit").ClickAsync();
        await page.GetByTestId("sidebar").WaitForAsync();
    }

    /// <summary>Signs in as a test user.</summary>
    public static Task SignInAsync(this BrowserSession browser, TestUser user, string path = "/admin-ui/") =>
        browser.SignInAsync(user.Email, user.Password, path);

    /// <summary>The visible element with this test id.</summary>
    public static ILocator ByTestId(this BrowserSession browser, string id) => browser.Page.GetByTestId(id);
}
