using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MyApp.Tests;

/// <summary>The API Explorer (<c>/ui</c>) of a running MyApp in a headless Chromium: opening an operation and signing in.</summary>
public static class ApiExplorerBrowser
{
    /// <summary>Opens <c>/ui/{operation}</c> (with a query of form values, if any) and waits for its form.</summary>
    public static async Task OpenOperationAsync(this BrowserSession browser, string operation, string query = "")
    {
        await browser.Page.GotoAsync($"/ui/{operation}{(query.Length > 0 ? "?" + query.TrimStart('?') : "")}");
        await Expect(browser.Page.GetByTestId("operation-name")).ToHaveTextAsync(operation);
    }

    /// <summary>Signs the explorer in with a password (the sign-in dialog of the page now open) and waits for the name.</summary>
    public static async Task SignInToExplorerAsync(this BrowserSession browser, string email, string password)
    {
        var page = browser.Page;
        await page.GetByTestId("sign-in").ClickAsync();
        var dialog = page.GetByTestId("explorer-signin");
        await page.Locator("#userName").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        await page.GetByTestId("explorer-signin-submit").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("signed-in-as")).ToBeVisibleAsync();
    }

    /// <summary>The form's input of a request property, by the property's name (<c>RestaurantId</c>).</summary>
    public static ILocator Field(this BrowserSession browser, string property) =>
        browser.Page.GetByTestId("operation-form").Locator($"#field-{property}");

    /// <summary>The body of the answer on screen as the server sent it (the response's Raw tab; the Body tab is a tree).</summary>
    public static async Task<string> ResponseTextAsync(this BrowserSession browser)
    {
        await browser.Page.GetByTestId("response-tab-raw").ClickAsync();
        return await browser.Page.GetByTestId("response-raw").TextContentAsync() ?? "";
    }
}
