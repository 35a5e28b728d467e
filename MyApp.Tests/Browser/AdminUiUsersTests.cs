using BaaS;
using BaaS.Client;
using Microsoft.Playwright;
using MyApp.ServiceModel;
using static Microsoft.Playwright.Assertions;

namespace MyApp.Tests;

/// <summary>
/// The Admin UI's users, user, API keys and roles pages, each step checked against the API as the admin sees it
/// (the typed client) and against what the changed user can still do.
/// </summary>
public abstract class AdminUiUsersTests<THost>(THost host) where THost : MyAppFixture
{
    [Fact]
    public async Task A_user_is_created_given_a_role_locked_and_unlocked_through_the_pages()
    {
        using var admin = host.As(host.Admin);
        await using var browser = await AdminUiBrowser.OpenAsync(host);
        browser.AllowConsoleError("400"); // the weak password, refused on purpose
        await browser.SignInAsync(host.Admin, "/admin-ui/users");
        var firstPage = await admin.SendAsync(new AdminQueryUsers { Take = 25 });
        await Expect(browser.ByTestId("pager-status")).ToHaveTextAsync($"1–{firstPage.Results.Count} of {firstPage.Total}");
        await Expect(browser.ByTestId("user-link")).ToHaveTextAsync([.. firstPage.Results.Select(u => u.DisplayName ?? u.UserName)]);
        await browser.ScreenshotAsync("users");

        var email = $"ui-{Guid.NewGuid():N}"[..15] + "@tests.example";
        var password = MyAppFixture.NewPassword();
        await browser.ByTestId("new-user").ClickAsync();
        await browser.Page.Locator("#new-email").FillAsync(email);
        await browser.Page.Locator("#new-displayName").FillAsync("Una Interface");
        await browser.Page.Locator("#new-password").FillAsync("short");
        await browser.ByTestId("new-role-Customer").CheckAsync();
        await browser.Page.Locator("#new-emailConfirmed").CheckAsync();
        await browser.ByTestId("create-user-submit").ClickAsync();
        var weak = await admin.ApiAsync(new AdminCreateUser { Email = email, Password = "short" });
        var weakMessage = weak.Error!.Errors!.First(e => e.FieldName == "Password").Message!;
        await Expect(browser.ByTestId("create-user-form").Locator(".field-error")).ToHaveTextAsync(weakMessage);

        await browser.Page.Locator("#new-password").FillAsync(password);
        await browser.ByTestId("create-user-submit").ClickAsync();
        await Expect(browser.ByTestId("user-title")).ToHaveTextAsync("Una Interface");
        var found = Assert.Single((await admin.SendAsync(new AdminQueryUsers { Search = email })).Results);
        Assert.EndsWith("/admin-ui/users/" + found.Id, browser.Page.Url);
        Assert.Equal((email, "Una Interface", true), (found.Email, found.DisplayName, found.EmailConfirmed));
        Assert.Equal([Roles.Customer], found.Roles);

        await browser.ByTestId("edit-role-Courier").CheckAsync();
        await browser.ByTestId("save-user").ClickAsync();
        await Expect(browser.ByTestId("user-role-badge")).ToHaveTextAsync([Roles.Courier, Roles.Customer]);
        Assert.Equal([Roles.Courier, Roles.Customer], (await admin.SendAsync(new AdminGetUser { Id = found.Id })).Result.Roles);
        await browser.ScreenshotAsync("user");

        await browser.ByTestId("lock").ClickAsync();
        await browser.ByTestId("lock-days").FillAsync("2");
        await browser.ByTestId("lock-submit").ClickAsync();
        await Expect(browser.ByTestId("user-locked")).ToBeVisibleAsync();
        var locked = (await admin.SendAsync(new AdminGetUser { Id = found.Id })).Result.LockedUntil;
        Assert.InRange(locked!.Value, DateTime.UtcNow.AddDays(1.9), DateTime.UtcNow.AddDays(2.1));
        using var signIn = host.CreateClient();
        var refused = await signIn.ApiAsync(new Authenticate { Provider = "credentials", UserName = email, Password = password });
        Assert.Equal((401, "AccountLocked"), (refused.StatusCode, refused.ErrorCode));

        await browser.ByTestId("unlock").ClickAsync();
        await Expect(browser.ByTestId("user-active")).ToBeVisibleAsync();
        Assert.Null((await admin.SendAsync(new AdminGetUser { Id = found.Id })).Result.LockedUntil);
        Assert.True((await signIn.ApiAsync(new Authenticate { Provider = "credentials", UserName = email, Password = password })).Succeeded);
    }

    [Fact]
    public async Task Sign_out_everywhere_ends_the_users_refresh_token_and_an_admin_cannot_lock_themselves()
    {
        var user = await host.CreateUserAsync(Roles.Customer);
        using var device = host.CreateClient();
        var session = await device.SendAsync(new Authenticate { Provider = "credentials", UserName = user.Email, Password = user.Password });
        await using var browser = await AdminUiBrowser.OpenAsync(host);
        browser.AllowConsoleError("400"); // the refused self-lock
        await browser.SignInAsync(host.Admin, $"/admin-ui/users/{user.Id}");

        await browser.ByTestId("sign-out-everywhere").ClickAsync();
        await browser.ByTestId("confirm").ClickAsync();
        await Expect(browser.ByTestId("notice").Filter(new() { HasText = "Signed out everywhere" })).ToBeVisibleAsync();
        var refresh = await device.ApiAsync(new GetAccessToken { RefreshToken = session.RefreshToken });
        Assert.Equal((401, "RefreshTokenRevoked"), (refresh.StatusCode, refresh.ErrorCode));

        // The admin's own session is untouched: the page still loads as them, and locking themselves is refused on the field.
        await browser.Page.GotoAsync($"/admin-ui/users/{host.Admin.Id}");
        await browser.ByTestId("lock").ClickAsync();
        await browser.ByTestId("lock-submit").ClickAsync();
        using var admin = host.As(host.Admin);
        var selfLock = await admin.ApiAsync(new AdminUpdateUser { Id = host.Admin.Id.ToString(), LockUntil = DateTime.UtcNow.AddDays(1) });
        await Expect(browser.ByTestId("lock-error")).ToHaveTextAsync(selfLock.Error!.Errors!.Single().Message!);
        Assert.Null((await admin.SendAsync(new AdminGetUser { Id = host.Admin.Id.ToString() })).Result.LockedUntil);
    }

    [Fact]
    public async Task An_api_key_is_shown_once_works_for_its_scope_and_stops_when_revoked()
    {
        var courier = await host.CreateUserAsync(Roles.Courier);
        using var admin = host.As(host.Admin);
        await using var browser = await AdminUiBrowser.OpenAsync(host);
        await browser.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await browser.SignInAsync(host.Admin, "/admin-ui/keys");

        await browser.ByTestId("new-key-button").ClickAsync();
        await browser.ByTestId("key-user-search").FillAsync(courier.Email);
        await browser.ByTestId($"pick-user-{courier.Id}").ClickAsync();
        await browser.ByTestId("key-name").FillAsync("courier app");
        await browser.ByTestId("key-scope-orders_read").CheckAsync();
        await browser.ByTestId("create-key-submit").ClickAsync();
        await Expect(browser.ByTestId("key-created")).ToContainTextAsync("will not be shown again");
        var key = await browser.ByTestId("new-key").InputValueAsync();
        Assert.StartsWith("ak-", key);
        await browser.ByTestId("copy-key").ClickAsync();
        await Expect(browser.ByTestId("copy-key")).ToHaveTextAsync("Copied");
        Assert.Equal(key, await browser.Page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        Assert.True(await OnPageAsync(browser.Page, key));
        await browser.ScreenshotAsync("api-key-created");

        await browser.ByTestId("key-created-done").ClickAsync();
        await Expect(browser.ByTestId("key-created")).ToHaveCountAsync(0);
        var listed = (await admin.SendAsync(new AdminQueryApiKeys { UserId = courier.Id.ToString() })).Results.Single();
        await Expect(browser.ByTestId($"key-row-{listed.Id}")).ToContainTextAsync(listed.KeyHint);
        Assert.False(await OnPageAsync(browser.Page, key));
        Assert.Equal(["orders:read"], listed.Scopes);

        using var machine = new JsonApiClient(host.BaseUrl) { BearerToken = key };
        Assert.True((await machine.ApiAsync(new QueryMyDeliveries())).Succeeded);
        var outOfScope = await machine.ApiAsync(new PlaceOrder { RestaurantId = 1 });
        Assert.Equal((403, "MissingScope"), (outOfScope.StatusCode, outOfScope.ErrorCode));
        await browser.ScreenshotAsync("api-keys");

        await browser.ByTestId($"key-row-{listed.Id}").GetByTestId("revoke-key").ClickAsync();
        await browser.ByTestId("confirm").ClickAsync();
        await Expect(browser.ByTestId($"key-row-{listed.Id}").GetByTestId("key-state")).ToContainTextAsync("revoked");
        Assert.NotNull((await admin.SendAsync(new AdminQueryApiKeys { UserId = courier.Id.ToString() })).Results.Single().RevokedAt);
        var afterRevoke = await machine.ApiAsync(new QueryMyDeliveries());
        Assert.Equal((401, "ApiKeyRevoked"), (afterRevoke.StatusCode, afterRevoke.ErrorCode));
    }

    [Fact]
    public async Task The_roles_page_shows_the_counts_the_api_gives_and_links_to_the_filtered_users()
    {
        using var admin = host.As(host.Admin);
        await using var browser = await AdminUiBrowser.OpenAsync(host);
        await browser.SignInAsync(host.Admin, "/admin-ui/roles");
        foreach (var role in new[] { Roles.Customer, Roles.Owner, Roles.Courier, Roles.Admin })
        {
            var total = (await admin.SendAsync(new AdminQueryUsers { Role = role, Take = 1 })).Total;
            await Expect(browser.ByTestId($"role-count-{role}")).ToHaveTextAsync(total.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        await Expect(browser.ByTestId("roles-note")).ToContainTextAsync("options.Roles");
        await browser.ScreenshotAsync("roles");

        await browser.ByTestId($"role-users-{Roles.Courier}").ClickAsync();
        await Expect(browser.ByTestId("user-role")).ToHaveValueAsync(Roles.Courier);
        var couriers = await admin.SendAsync(new AdminQueryUsers { Role = Roles.Courier, Take = 25 });
        await Expect(browser.ByTestId("user-link")).ToHaveTextAsync([.. couriers.Results.Select(u => u.DisplayName ?? u.UserName)]);

        await browser.ByTestId("sort-email").ClickAsync();
        await browser.ByTestId("sort-email").ClickAsync();
        await Expect(browser.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("role=Courier.*sort=-email|sort=-email.*role=Courier"));
        var byEmail = await admin.SendAsync(new AdminQueryUsers { Role = Roles.Courier, OrderBy = "-email", Take = 25 });
        await Expect(browser.ByTestId("user-link")).ToHaveTextAsync([.. byEmail.Results.Select(u => u.DisplayName ?? u.UserName)]);

        var someone = couriers.Results[0];
        await browser.ByTestId("user-search").FillAsync(someone.Email!);
        await Expect(browser.ByTestId("user-link")).ToHaveTextAsync([someone.DisplayName ?? someone.UserName]);
        await browser.ByTestId("user-search").FillAsync("no-such-user-" + Guid.NewGuid().ToString("N"));
        await Expect(browser.ByTestId("users-empty")).ToHaveTextAsync("No users match.");
    }

    /// <summary>Whether the text is anywhere on the page: its text, its markup or any field's value.</summary>
    private static Task<bool> OnPageAsync(IPage page, string text) => page.EvaluateAsync<bool>(
        """t => document.documentElement.outerHTML.includes(t) || document.body.innerText.includes(t) || [...document.querySelectorAll('input,textarea')].some(i => i.value.includes(t))""",
        text);
}

[Collection(SqliteApp.Name)]
public sealed class SqliteAdminUiUsersTests(SqliteMyAppFixture host) : AdminUiUsersTests<SqliteMyAppFixture>(host);

[Collection(PostgreSqlApp.Name)]
public sealed class PostgreSqlAdminUiUsersTests(PostgreSqlMyAppFixture host) : AdminUiUsersTests<PostgreSqlMyAppFixture>(host);
