using System.Net;
using BaaS.Client;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace BaaS.Redis.Tests.DenyList;

/// <summary>
/// Every way the platform ends a session or cuts a user off refuses the access tokens that worked before, at once and
/// without waiting for them to expire; tokens issued afterwards work. Written once, run on each cache store and database
/// (<see cref="MemorySqliteDenyListTests"/>, <see cref="RedisPostgreSqlDenyListTests"/>...). Each token is used once
/// before it is revoked, so the node's cache of checked signatures holds it: the deny list must be read anyway.
/// </summary>
public abstract class DenyListBehaviourTests<TFixture>(TFixture host) : IClassFixture<TFixture> where TFixture : DenyListFixture
{
    private DenyListApp App => host.App;

    private TestServer Node => host.Node;

    private static readonly TimeSpan TokenLife = TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(30); // the default lifetime plus the allowed skew

    [Fact]
    public async Task Signing_out_refuses_that_sessions_access_token_as_revoked_and_leaves_other_sessions_alone()
    {
        var member = await App.SignUpAsync(Node);
        var phone = await DenyListApp.SignInAsync(Node, member);
        await Node.AcceptsAsync(member.First.AccessToken);
        await Node.AcceptsAsync(phone.AccessToken);

        using (var client = new JsonApiClient(Node.BaseUrl) { BearerToken = member.First.AccessToken })
            await client.SendAsync(new Authenticate { Provider = "logout" });

        await Node.RefusesAsync(member.First.AccessToken);
        await Node.AcceptsAsync(phone.AccessToken);
        // Refused as an expired token is: 401 with a ResponseStatus saying what to do, so clients refresh (and here the
        // refresh is refused too: the session is over).
        using var http = Node.CreateHttp();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/auth") { Headers = { Authorization = new("Bearer", member.First.AccessToken) } };
        using var answer = await http.SendAsync(request);
        var status = await HttpAssert.ErrorAsync(answer, HttpStatusCode.Unauthorized);
        Assert.Equal("TokenRevoked", status.GetProperty("errorCode").GetString());
        Assert.Contains("GetAccessToken", status.GetProperty("message").GetString(), StringComparison.Ordinal);
        using (var refreshing = new JsonApiClient(Node.BaseUrl) { BearerToken = member.First.AccessToken, RefreshToken = member.First.RefreshToken })
            Assert.Equal("RefreshTokenRevoked", (await Assert.ThrowsAsync<RefreshTokenException>(() => refreshing.SendAsync(new WhoAmI()))).ErrorCode);
        // An operation anyone may call answers the revoked token's holder as anonymous, as it answers an expired token's.
        using var anonymous = new JsonApiClient(Node.BaseUrl) { BearerToken = member.First.AccessToken };
        Assert.Null((await anonymous.SendAsync(new Hello())).UserId);
    }

    [Fact]
    public async Task Signing_out_in_a_browser_refuses_its_cookie_token_wherever_it_is_sent()
    {
        var member = await App.SignUpAsync(Node);
        using var browser = Node.CreateHttp(cookies: true);
        Dictionary<string, string> cookies;
        using (var signIn = await browser.PostAsync("/auth/credentials",
                   HttpAssert.Json($$"""{"userName":"{{member.UserName}}","password":"{{member.Password}}","useTokenCookie":true}""")))
        {
            Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
            cookies = signIn.Headers.GetValues("Set-Cookie").ToDictionary(c => c[..c.IndexOf('=')], c => c[(c.IndexOf('=') + 1)..c.IndexOf(';')], StringComparer.Ordinal);
        }
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/WhoAmI")).StatusCode);

        using (var signOut = await browser.PostAsync("/auth/logout", HttpAssert.Json("{}")))
            Assert.Equal(HttpStatusCode.OK, signOut.StatusCode);

        await Node.RefusesAsync(cookies["ss-tok"]);
        // The old cookie alone: refused as revoked.
        using var replay = Node.CreateHttp();
        using (var tokenOnly = await SendWithCookiesAsync(replay, $"ss-tok={cookies["ss-tok"]}"))
            Assert.Equal("TokenRevoked", (await HttpAssert.ErrorAsync(tokenOnly, HttpStatusCode.Unauthorized)).GetProperty("errorCode").GetString());
        // With the old refresh cookie: the server tries to renew them, the session is over, and the cookies are cleared.
        using var both = await SendWithCookiesAsync(replay, $"ss-tok={cookies["ss-tok"]}; ss-reftok={cookies["ss-reftok"]}");
        Assert.Equal("RefreshTokenRevoked", (await HttpAssert.ErrorAsync(both, HttpStatusCode.Unauthorized)).GetProperty("errorCode").GetString());
        Assert.Contains(both.Headers.GetValues("Set-Cookie"), c => c.StartsWith("ss-tok=;", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Signing_out_everywhere_refuses_every_earlier_token_and_a_token_issued_just_after_works()
    {
        var member = await App.SignUpAsync(Node);
        var phone = await DenyListApp.SignInAsync(Node, member);
        await Node.AcceptsAsync(member.First.AccessToken);
        await Node.AcceptsAsync(phone.AccessToken);
        using var admin = await App.AdminAsync(Node);

        await admin.SendAsync(new AdminUpdateUser { Id = member.UserId, SignOutEverywhere = true });

        await Node.RefusesAsync(member.First.AccessToken);
        await Node.RefusesAsync(phone.AccessToken);
        // Signing in again at once (within the same second as the cut-off, most likely) gives a token that works.
        var again = await DenyListApp.SignInAsync(Node, member);
        await Node.AcceptsAsync(again.AccessToken);
        // The administrator's own session is not touched.
        Assert.True((await admin.ApiAsync(new AdminGetUser { Id = member.UserId })).Succeeded);
    }

    [Fact]
    public async Task Signing_out_everywhere_on_ones_own_account_keeps_the_token_of_the_session_that_asked()
    {
        using var firstAdmin = await App.AdminAsync(Node);
        var name = $"admin-{Guid.NewGuid().ToString("N")[..8]}";
        var created = await firstAdmin.SendAsync(new AdminCreateUser { UserName = name, Email = $"{name}@example.com", Password = "second admin pw", Roles = ["Admin"] });
        var desk = await DenyListApp.SignInAsync(Node, name, "second admin pw");
        var laptop = await DenyListApp.SignInAsync(Node, name, "second admin pw");
        await Node.AcceptsAsync(desk.AccessToken);
        await Node.AcceptsAsync(laptop.AccessToken);

        using (var client = new JsonApiClient(Node.BaseUrl) { BearerToken = desk.AccessToken })
            await client.SendAsync(new AdminUpdateUser { Id = created.Result.Id, SignOutEverywhere = true });

        await Node.AcceptsAsync(desk.AccessToken);
        await Node.RefusesAsync(laptop.AccessToken);
    }

    [Fact]
    public async Task Locking_a_user_refuses_their_tokens_and_after_unlocking_a_new_sign_in_works()
    {
        var member = await App.SignUpAsync(Node);
        await Node.AcceptsAsync(member.First.AccessToken);
        using var admin = await App.AdminAsync(Node);

        await admin.SendAsync(new AdminUpdateUser { Id = member.UserId, LockUntil = DateTime.UtcNow.AddDays(1) });
        await Node.RefusesAsync(member.First.AccessToken);

        await admin.SendAsync(new AdminUpdateUser { Id = member.UserId, Unlock = true });
        await Node.RefusesAsync(member.First.AccessToken);
        await Node.AcceptsAsync((await DenyListApp.SignInAsync(Node, member)).AccessToken);
    }

    [Fact]
    public async Task Deleting_a_user_refuses_their_tokens()
    {
        var member = await App.SignUpAsync(Node);
        await Node.AcceptsAsync(member.First.AccessToken);
        using var admin = await App.AdminAsync(Node);

        await admin.SendAsync(new AdminDeleteUser { Id = member.UserId });

        await Node.RefusesAsync(member.First.AccessToken);
    }

    [Fact]
    public async Task Changing_the_password_refuses_the_other_sessions_tokens_and_keeps_the_callers()
    {
        var member = await App.SignUpAsync(Node);
        var phone = await DenyListApp.SignInAsync(Node, member);
        await Node.AcceptsAsync(member.First.AccessToken);
        await Node.AcceptsAsync(phone.AccessToken);

        using (var client = new JsonApiClient(Node.BaseUrl) { BearerToken = member.First.AccessToken })
            await client.SendAsync(new ChangePassword { CurrentPassword = member.Password, NewPassword = "a brand new password" });

        await Node.AcceptsAsync(member.First.AccessToken);
        await Node.RefusesAsync(phone.AccessToken);
    }

    [Fact]
    public async Task Resetting_the_password_by_email_or_by_an_administrator_refuses_every_token()
    {
        var member = await App.SignUpAsync(Node);
        await Node.AcceptsAsync(member.First.AccessToken);
        using var anonymous = new JsonApiClient(Node.BaseUrl);
        await anonymous.SendAsync(new ForgotPassword { Email = member.Email });
        var token = QueryHelpers.ParseQuery(new Uri(App.Emails.Last(member.Email, "reset-password").Link!).Query)["token"].ToString();

        await anonymous.SendAsync(new ResetPassword { UserId = member.UserId, Token = token, Password = "the reset password" });
        await Node.RefusesAsync(member.First.AccessToken);

        var afterReset = await DenyListApp.SignInAsync(Node, member with { Password = "the reset password" });
        await Node.AcceptsAsync(afterReset.AccessToken);
        using var admin = await App.AdminAsync(Node);
        await admin.SendAsync(new AdminUpdateUser { Id = member.UserId, Password = "set by the administrator" });
        await Node.RefusesAsync(afterReset.AccessToken);
    }

    [Fact]
    public async Task Taking_a_role_away_refuses_the_tokens_that_carry_it_and_the_client_refreshes_into_one_without_it()
    {
        var member = await App.SignUpAsync(Node);
        using var admin = await App.AdminAsync(Node);
        await admin.SendAsync(new AssignRoles { UserName = member.UserName, Roles = ["Owner"] });
        var owner = await DenyListApp.SignInAsync(Node, member);
        using var client = new JsonApiClient(Node.BaseUrl) { BearerToken = owner.AccessToken, RefreshToken = owner.RefreshToken };
        Assert.True((await client.ApiAsync(new OwnersOnly())).Succeeded);

        // Giving a role takes nothing away: the tokens the user holds keep working.
        await admin.SendAsync(new AdminUpdateUser { Id = member.UserId, AddRoles = ["Customer"] });
        await Node.AcceptsAsync(owner.AccessToken);

        await admin.SendAsync(new UnAssignRoles { UserName = member.UserName, Roles = ["Owner"] });

        await Node.RefusesAsync(owner.AccessToken);
        // The client's refresh logic takes over on the 401: a new token, without the role, and the call is retried with it.
        var refused = await client.ApiAsync(new OwnersOnly());
        Assert.Equal((403, "MissingRole"), (refused.StatusCode, refused.ErrorCode));
        Assert.NotEqual(owner.AccessToken, client.BearerToken);
        Assert.DoesNotContain("Owner", (await client.SendAsync(new WhoAmI())).Roles);
    }

    [Fact]
    public async Task Taking_a_role_or_a_permission_away_through_the_user_editor_refuses_the_tokens_too()
    {
        var member = await App.SignUpAsync(Node);
        using var admin = await App.AdminAsync(Node);
        await admin.SendAsync(new AdminUpdateUser { Id = member.UserId, AddRoles = ["Owner"], AddPermissions = ["notes.edit"] });
        var first = await DenyListApp.SignInAsync(Node, member);
        await Node.AcceptsAsync(first.AccessToken);

        await admin.SendAsync(new AdminUpdateUser { Id = member.UserId, RemovePermissions = ["notes.edit"] });
        await Node.RefusesAsync(first.AccessToken);

        var second = await DenyListApp.SignInAsync(Node, member);
        await Node.AcceptsAsync(second.AccessToken);
        await admin.SendAsync(new AdminUpdateUser { Id = member.UserId, RemoveRoles = ["Owner"] });
        await Node.RefusesAsync(second.AccessToken);
    }

    [Fact]
    public async Task Reusing_a_spent_refresh_token_ends_the_session_and_refuses_its_access_tokens()
    {
        var member = await App.SignUpAsync(Node);
        using var client = new JsonApiClient(Node.BaseUrl);
        var refreshed = await client.SendAsync(new GetAccessToken { RefreshToken = member.First.RefreshToken });
        await Node.AcceptsAsync(refreshed.AccessToken!);

        var reused = await client.ApiAsync(new GetAccessToken { RefreshToken = member.First.RefreshToken });

        Assert.Equal((401, "RefreshTokenReused"), (reused.StatusCode, reused.ErrorCode));
        await Node.RefusesAsync(refreshed.AccessToken!);
        await Node.RefusesAsync(member.First.AccessToken);
    }

    [Fact]
    public async Task A_users_deny_entry_lives_as_long_as_the_tokens_it_refuses()
    {
        var member = await App.SignUpAsync(Node);
        using (var client = new JsonApiClient(Node.BaseUrl) { BearerToken = member.First.AccessToken })
            await client.SendAsync(new Authenticate { Provider = "logout" });

        var cache = Node.Services.GetRequiredService<ICache>();
        var left = await cache.TimeToLiveAsync("auth:deny:" + member.UserId);
        Assert.NotNull(left);
        Assert.InRange(left.Value, TokenLife - TimeSpan.FromMinutes(1), TokenLife);
    }

    [Fact]
    public async Task Many_sessions_signed_out_at_once_are_all_refused()
    {
        var member = await App.SignUpAsync(Node);
        var sessions = new List<Session> { member.First };
        for (var i = 0; i < 7; i++) sessions.Add(await DenyListApp.SignInAsync(Node, member));
        foreach (var session in sessions) await Node.AcceptsAsync(session.AccessToken);

        // Each sign-out adds its session to the user's one entry: none may overwrite another's.
        await Task.WhenAll(sessions.Select(s => Task.Run(async () =>
        {
            using var client = new JsonApiClient(Node.BaseUrl) { BearerToken = s.AccessToken };
            await client.SendAsync(new Authenticate { Provider = "logout" });
        })));

        foreach (var session in sessions) await Node.RefusesAsync(session.AccessToken);
    }

    [Fact]
    public async Task API_keys_are_not_access_tokens_and_keep_working_after_the_user_is_signed_out_everywhere()
    {
        var member = await App.SignUpAsync(Node);
        using var owner = new JsonApiClient(Node.BaseUrl) { BearerToken = member.First.AccessToken };
        var key = (await owner.SendAsync(new CreateUserApiKey { Name = "export", Scopes = [DenyListApp.Scope] })).Key;
        using var admin = await App.AdminAsync(Node);

        await admin.SendAsync(new AdminUpdateUser { Id = member.UserId, SignOutEverywhere = true });

        await Node.RefusesAsync(member.First.AccessToken);
        using var machine = new JsonApiClient(Node.BaseUrl) { BearerToken = key };
        Assert.Equal(member.UserId, (await machine.SendAsync(new WhoAmI())).UserId);
    }

    private static Task<HttpResponseMessage> SendWithCookiesAsync(HttpClient http, string cookieHeader)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/WhoAmI");
        request.Headers.Add("Cookie", cookieHeader);
        return http.SendAsync(request);
    }
}
