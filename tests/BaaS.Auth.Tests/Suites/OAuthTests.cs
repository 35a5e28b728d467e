using System.Net;
using BaaS.Auth.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace BaaS.Auth.Tests.Suites;

/// <summary>OAuth sign-in against the fake provider: GitHub's API shape and OpenID Connect, PKCE and state, linking.</summary>
public abstract class OAuthTests(AuthFixture host) : IDisposable
{
    private readonly List<IDisposable> _disposables = [];

    public void Dispose()
    {
        host.Provider.Reset();
        foreach (var d in _disposables) d.Dispose();
        GC.SuppressFinalize(this);
    }

    private FakeUser NewFakeUser(string? email = null, bool verified = true)
    {
        var id = Random.Shared.NextInt64(1_000_000_000, 9_000_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var login = host.NewUserName("gh");
        return new FakeUser(id, login, email ?? $"{login}@mail.example", verified, "Fake " + login);
    }

    private HttpClient Browser()
    {
        var browser = host.CreateHttp(cookies: true);
        _disposables.Add(browser);
        return browser;
    }

    /// <summary>Starts a sign-in in <paramref name="browser"/>, lets the provider approve it, and answers the provider's redirect back.</summary>
    private async Task<Uri> ApproveAsync(HttpClient browser, string provider, FakeUser user, string returnUrl = "/orders")
    {
        host.Provider.NextUser = user;
        using var start = await browser.GetAsync($"/auth/{provider}?returnUrl={Uri.EscapeDataString(returnUrl)}");
        Assert.Equal(HttpStatusCode.Found, start.StatusCode);
        using var providerHttp = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        using var approved = await providerHttp.GetAsync(start.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        return approved.Headers.Location!;
    }

    private async Task<HttpResponseMessage> SignInAsync(HttpClient browser, string provider, FakeUser user, string returnUrl = "/orders") =>
        await browser.GetAsync(await ApproveAsync(browser, provider, user, returnUrl));

    private async Task<AdminUser?> FindUserAsync(string search)
    {
        using var admin = await host.AdminAsync();
        var found = await admin.SendAsync(new AdminQueryUsers { Search = search });
        return found.Results.SingleOrDefault();
    }

    [Fact]
    public async Task The_start_redirects_to_the_provider_with_PKCE_and_state()
    {
        using var browser = host.CreateHttp(cookies: true);
        using var start = await browser.GetAsync("/auth/github?returnUrl=/orders");
        Assert.Equal(HttpStatusCode.Found, start.StatusCode);
        var location = start.Headers.Location!;
        Assert.Equal(host.Provider.BaseUrl + "/authorize", location.GetLeftPart(UriPartial.Path));
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal(FakeOAuthProvider.ClientId, query["client_id"]);
        Assert.Equal(host.BaseUrl + "/auth/github", query["redirect_uri"]);
        Assert.Equal("read:user user:email", query["scope"]);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.Equal(43, query["code_challenge"].ToString().Length);
        Assert.True(query["state"].ToString().Length >= 43);
        var cookie = start.SetCookies()["baas-oauth"].ToLowerInvariant();
        Assert.Contains("httponly", cookie);
        Assert.Contains("samesite=lax", cookie);
        Assert.DoesNotContain(query["state"].ToString().ToLowerInvariant(), cookie); // the state is sealed, not readable
    }

    [Fact]
    public async Task GitHub_sign_in_creates_an_account_from_the_verified_primary_email_and_signs_the_browser_in()
    {
        var fake = NewFakeUser();
        var browser = Browser();
        using var callback = await SignInAsync(browser, "github", fake);
        Assert.Equal(HttpStatusCode.Found, callback.StatusCode);
        Assert.Equal("/orders", callback.Headers.Location!.OriginalString);
        var cookies = callback.SetCookies();
        Assert.Contains("ss-tok", cookies.Keys);
        Assert.Contains("ss-reftok", cookies.Keys);

        using var session = await browser.GetAsync("/auth");
        var body = await session.JsonAsync();
        Assert.Equal(fake.Login, body.GetProperty("userName").GetString());
        Assert.Equal(fake.Name, body.GetProperty("displayName").GetString());
        Assert.Equal("github", body.GetProperty("authProvider").GetString());
        Assert.Equal("Customer", body.GetProperty("roles")[0].GetString());

        var user = (await FindUserAsync(fake.Login))!;
        Assert.Equal(fake.Email, user.Email);
        Assert.True(user.EmailConfirmed);
        Assert.Equal(["github"], user.Logins);
        Assert.False(user.HasPassword);
        Assert.EndsWith("/avatars/" + fake.Id, user.ProfileUrl);
        Assert.NotNull(host.Provider.LastVerifier);
    }

    [Fact]
    public async Task Signing_in_again_with_the_same_provider_account_finds_the_same_user()
    {
        var fake = NewFakeUser();
        using (await SignInAsync(Browser(), "github", fake)) { }
        var first = (await FindUserAsync(fake.Login))!;
        using var again = await SignInAsync(Browser(), "github", fake with { Email = "changed-" + fake.Email });
        Assert.Equal(HttpStatusCode.Found, again.StatusCode);
        var second = (await FindUserAsync(fake.Login))!;
        Assert.Equal(first.Id, second.Id);
    }

    [Theory]
    [InlineData("fakeoidc")]
    [InlineData("google")]
    public async Task OpenID_Connect_sign_in_checks_the_id_token_and_takes_the_user_from_it(string provider)
    {
        var fake = NewFakeUser();
        var browser = Browser();
        host.Provider.NextUser = fake;
        using var start = await browser.GetAsync($"/auth/{provider}");
        var query = QueryHelpers.ParseQuery(start.Headers.Location!.Query);
        Assert.Equal("openid email profile", query["scope"]);
        Assert.False(string.IsNullOrEmpty(query["nonce"]));
        using var providerHttp = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        using var approved = await providerHttp.GetAsync(start.Headers.Location);
        using var callback = await browser.GetAsync(approved.Headers.Location);
        Assert.Equal(HttpStatusCode.Found, callback.StatusCode);
        Assert.Equal("/", callback.Headers.Location!.OriginalString);
        using var session = await browser.GetAsync("/auth");
        Assert.Equal(fake.Login, (await session.JsonAsync()).GetProperty("userName").GetString());
        Assert.Equal([provider], (await FindUserAsync(fake.Login))!.Logins);
    }

    [Fact]
    public async Task A_callback_whose_state_differs_from_the_browsers_is_refused_and_makes_no_account()
    {
        var fake = NewFakeUser();
        var browser = Browser();
        var callback = await ApproveAsync(browser, "github", fake);
        var tampered = new Uri(callback.ToString().Replace("state=", "state=x", StringComparison.Ordinal));
        using var response = await browser.GetAsync(tampered);
        Assert.Equal("OAuthStateMismatch", (await response.ErrorAsync(HttpStatusCode.BadRequest)).Code());
        Assert.Null(await FindUserAsync(fake.Login));
    }

    [Fact]
    public async Task A_callback_in_another_browser_or_a_replayed_one_is_refused()
    {
        var fake = NewFakeUser();
        var browser = Browser();
        var callback = await ApproveAsync(browser, "github", fake);
        using (var otherBrowser = host.CreateHttp(cookies: true))
        using (var stolen = await otherBrowser.GetAsync(callback))
            Assert.Equal("OAuthStateMissing", (await stolen.ErrorAsync(HttpStatusCode.BadRequest)).Code());
        using (var first = await browser.GetAsync(callback))
            Assert.Equal(HttpStatusCode.Found, first.StatusCode);
        using var replay = await browser.GetAsync(callback);
        Assert.Equal("OAuthStateMissing", (await replay.ErrorAsync(HttpStatusCode.BadRequest)).Code());
    }

    [Fact]
    public async Task A_verified_provider_email_links_to_the_existing_account_with_that_confirmed_email()
    {
        var user = await host.SignUpAsync();
        using (var confirm = await host.CreateHttp().GetAsync(host.Emails.Last(user.Email, "confirm-email").Link))
            Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        var fake = NewFakeUser(email: user.Email.ToUpperInvariant(), verified: true);
        var browser = Browser();
        using var callback = await SignInAsync(browser, "fakeoidc", fake);
        Assert.Equal(HttpStatusCode.Found, callback.StatusCode);
        using var session = await browser.GetAsync("/auth");
        Assert.Equal(user.UserId, (await session.JsonAsync()).GetProperty("userId").GetString());
        Assert.Equal(["fakeoidc"], (await FindUserAsync(user.UserName))!.Logins);
    }

    [Fact]
    public async Task An_unverified_provider_email_never_links_to_an_existing_account()
    {
        var user = await host.SignUpAsync();
        using (await host.CreateHttp().GetAsync(host.Emails.Last(user.Email, "confirm-email").Link)) { }
        var fake = NewFakeUser(email: user.Email, verified: false);
        using var callback = await SignInAsync(Browser(), "github", fake);
        Assert.Equal("EmailNotVerified", (await callback.ErrorAsync(HttpStatusCode.Conflict)).Code());
        Assert.Empty((await FindUserAsync(user.UserName))!.Logins);
        Assert.Null(await FindUserAsync(fake.Login));
    }

    [Fact]
    public async Task A_verified_email_does_not_link_to_an_account_whose_own_email_was_never_confirmed()
    {
        var squatter = await host.SignUpAsync();
        var fake = NewFakeUser(email: squatter.Email, verified: true);
        using var callback = await SignInAsync(Browser(), "fakeoidc", fake);
        Assert.Equal("AccountNotConfirmed", (await callback.ErrorAsync(HttpStatusCode.Conflict)).Code());
        Assert.Empty((await FindUserAsync(squatter.UserName))!.Logins);
    }

    [Fact]
    public async Task An_unverified_email_of_a_new_user_is_not_kept()
    {
        var fake = NewFakeUser(verified: false);
        using var callback = await SignInAsync(Browser(), "github", fake);
        Assert.Equal(HttpStatusCode.Found, callback.StatusCode);
        var user = (await FindUserAsync(fake.Login))!;
        Assert.Null(user.Email);
        Assert.False(user.EmailConfirmed);
    }

    [Fact]
    public async Task An_id_token_signed_with_another_key_for_another_audience_or_nonce_is_refused()
    {
        host.Provider.SignIdTokenWithOtherKey = true;
        using (var otherKey = await SignInAsync(Browser(), "fakeoidc", NewFakeUser()))
            Assert.Equal("OAuthInvalidIdToken", (await otherKey.ErrorAsync(HttpStatusCode.Unauthorized)).Code());
        host.Provider.Reset();
        host.Provider.IdTokenAudience = "another-client";
        using (var audience = await SignInAsync(Browser(), "fakeoidc", NewFakeUser()))
            Assert.Equal("OAuthInvalidIdToken", (await audience.ErrorAsync(HttpStatusCode.Unauthorized)).Code());
        host.Provider.Reset();
        host.Provider.WrongNonce = true;
        var fake = NewFakeUser();
        using (var nonce = await SignInAsync(Browser(), "fakeoidc", fake))
            Assert.Equal("OAuthInvalidIdToken", (await nonce.ErrorAsync(HttpStatusCode.Unauthorized)).Code());
        Assert.Null(await FindUserAsync(fake.Login));
    }

    [Fact]
    public async Task A_provider_error_is_a_401_and_bad_starts_are_4xx()
    {
        var browser = Browser();
        using (await browser.GetAsync("/auth/github")) { }
        using (var denied = await browser.GetAsync("/auth/github?error=access_denied&error_description=The+user+said+no&state=x"))
            Assert.Equal("OAuthDenied", (await denied.ErrorAsync(HttpStatusCode.Unauthorized)).Code());
        using (var unknown = await browser.GetAsync("/auth/myspace"))
            Assert.Equal("UnknownProvider", (await unknown.ErrorAsync(HttpStatusCode.NotFound)).Code());
        foreach (var returnUrl in new[] { "https://evil.example/", "//evil.example/x", "/\\evil.example" })
        {
            using var open = await browser.GetAsync($"/auth/github?returnUrl={Uri.EscapeDataString(returnUrl)}");
            Assert.Equal("ReturnUrl", (await open.ErrorAsync(HttpStatusCode.BadRequest)).FieldOf());
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteOAuthTests(SqliteAuthFixture host) : OAuthTests(host);

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlOAuthTests(PostgreSqlAuthFixture host) : OAuthTests(host);
