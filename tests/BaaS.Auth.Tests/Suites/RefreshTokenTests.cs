using System.Net;
using System.Security.Cryptography;
using System.Text;
using BaaS.Auth.Tests.Fixtures;
using BaaS.Auth.Tests.Infrastructure;
using BaaS.Client;
using BaaS.Data;

namespace BaaS.Auth.Tests.Suites;

/// <summary>Refresh tokens: rotation on every use, reuse detection ending the session, expiry, cookies, server-side renewal.</summary>
public abstract class RefreshTokenTests(AuthFixture host)
{
    [Fact]
    public async Task Each_refresh_answers_a_new_access_token_and_a_new_refresh_token_that_work()
    {
        var user = await host.SignUpAsync();
        var first = await user.Client.SendAsync(new GetAccessToken { RefreshToken = user.RefreshToken });
        Assert.NotEqual(user.RefreshToken, first.RefreshToken);
        Assert.NotEqual(user.BearerToken, first.AccessToken);
        Assert.Equal(user.SessionIdOf(), Jwt.Claim(first.AccessToken!, "sid"));
        var second = await user.Client.SendAsync(new GetAccessToken { RefreshToken = first.RefreshToken });
        Assert.NotEqual(first.RefreshToken, second.RefreshToken);
        Assert.True(second.RefreshTokenExpiry > DateTime.UtcNow.AddDays(6));

        user.Client.BearerToken = second.AccessToken;
        Assert.Equal(user.UserName, (await user.Client.SendAsync(new MembersOnly())).UserName);
    }

    [Fact]
    public async Task Typed_client_trades_its_refresh_token_when_the_access_token_expires()
    {
        var user = await host.SignUpAsync();
        // no cookie jar: the server's cookie renewal must not be what saves the call
        using var client = new JsonApiClient(host.CreateHttp(cookies: false)) { BearerToken = user.BearerToken, RefreshToken = user.RefreshToken };
        using (host.Clock.Advance(TimeSpan.FromMinutes(16)))
        {
            var me = await client.SendAsync(new MembersOnly());
            Assert.Equal(user.UserName, me.UserName);
            Assert.NotEqual(user.BearerToken, client.BearerToken);
            Assert.NotEqual(user.RefreshToken, client.RefreshToken);
            // the rotated refresh token works for the next expiry too
            using (host.Clock.Advance(TimeSpan.FromMinutes(16)))
                Assert.Equal(user.UserName, (await client.SendAsync(new MembersOnly())).UserName);
        }
    }

    [Fact]
    public async Task Typed_client_raises_refresh_token_exception_when_the_trade_fails()
    {
        var user = await host.SignUpAsync();
        using var client = new JsonApiClient(host.CreateHttp(cookies: false)) { BearerToken = user.BearerToken, RefreshToken = "not-a-refresh-token" };
        using (host.Clock.Advance(TimeSpan.FromMinutes(16)))
        {
            var error = await Assert.ThrowsAsync<RefreshTokenException>(() => client.SendAsync(new MembersOnly()));
            Assert.Equal(401, error.StatusCode);
        }
    }

    [Fact]
    public async Task Refresh_tokens_are_stored_only_as_their_SHA256()
    {
        var user = await host.SignUpAsync();
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(user.RefreshToken)));
        await using var db = await host.Db.OpenAsync();
        var userId = Guid.Parse(user.UserId);
        var rows = await db.SelectAsync<BaaSRefreshToken>(t => t.UserId == userId);
        var row = Assert.Single(rows);
        Assert.Equal(hash, row.TokenHash);
        Assert.DoesNotContain(rows, r => r.TokenHash.Contains(user.RefreshToken, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reusing_a_spent_refresh_token_after_the_grace_period_revokes_its_whole_family()
    {
        var user = await host.SignUpAsync();
        using var otherDevice = host.CreateClient();
        var otherSession = await otherDevice.SendAsync(new Authenticate { Provider = "credentials", UserName = user.UserName, Password = user.Password });

        var rotated = await user.Client.SendAsync(new GetAccessToken { RefreshToken = user.RefreshToken });
        using (host.Clock.Advance(TimeSpan.FromSeconds(11)))
        {
            var reuse = await user.Client.ApiAsync(new GetAccessToken { RefreshToken = user.RefreshToken });
            Assert.Equal((401, "RefreshTokenReused"), (reuse.StatusCode, reuse.ErrorCode));
            // The thief's copy and the owner's successor are both dead: the owner signs in again.
            var successor = await user.Client.ApiAsync(new GetAccessToken { RefreshToken = rotated.RefreshToken });
            Assert.Equal((401, "RefreshTokenRevoked"), (successor.StatusCode, successor.ErrorCode));
            // Another sign-in of the same user is a different family and lives on.
            var other = await otherDevice.ApiAsync(new GetAccessToken { RefreshToken = otherSession.RefreshToken });
            Assert.True(other.Succeeded, other.ErrorMessage);
        }
    }

    [Fact]
    public async Task Reuse_within_the_grace_period_gets_an_access_token_but_no_refresh_token()
    {
        var user = await host.SignUpAsync();
        var rotated = await user.Client.SendAsync(new GetAccessToken { RefreshToken = user.RefreshToken });
        var raced = await user.Client.SendAsync(new GetAccessToken { RefreshToken = user.RefreshToken });
        Assert.NotNull(raced.AccessToken);
        Assert.Null(raced.RefreshToken);
        var next = await user.Client.ApiAsync(new GetAccessToken { RefreshToken = rotated.RefreshToken });
        Assert.True(next.Succeeded, next.ErrorMessage);
    }

    [Fact]
    public async Task Parallel_refreshes_of_one_token_issue_exactly_one_successor()
    {
        var user = await host.SignUpAsync();
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => user.Client.ApiAsync(new GetAccessToken { RefreshToken = user.RefreshToken })));
        Assert.All(results, r => Assert.True(r.Succeeded, r.ErrorMessage));
        Assert.Single(results, r => r.Response!.RefreshToken is not null);
        await using var db = await host.Db.OpenAsync();
        var userId = Guid.Parse(user.UserId);
        Assert.Equal(2, await db.CountAsync<BaaSRefreshToken>(t => t.UserId == userId));
    }

    [Fact]
    public async Task Expired_refresh_token_is_refused_with_401()
    {
        var user = await host.SignUpAsync();
        using (host.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1)))
        {
            var result = await user.Client.ApiAsync(new GetAccessToken { RefreshToken = user.RefreshToken });
            Assert.Equal((401, "RefreshTokenExpired"), (result.StatusCode, result.ErrorCode));
        }
    }

    [Fact]
    public async Task Unknown_refresh_token_is_401_and_a_missing_one_is_400_naming_the_field()
    {
        using var http = host.CreateHttp();
        using var unknown = await http.SendAsync(HttpMethod.Post, "/access-token", """{"refreshToken":"made-up"}""");
        Assert.Equal("InvalidRefreshToken", (await unknown.ErrorAsync(HttpStatusCode.Unauthorized)).Code());
        using var missing = await http.SendAsync(HttpMethod.Post, "/access-token", "{}");
        Assert.Equal("RefreshToken", (await missing.ErrorAsync(HttpStatusCode.BadRequest)).FieldOf());
    }

    [Fact]
    public async Task A_token_already_accepted_is_refused_once_it_expires()
    {
        // The node remembers tokens it checked (to skip the signature check next time): never past their expiry.
        var user = await host.SignUpAsync();
        Assert.True((await user.Client.ApiAsync(new MembersOnly())).Succeeded);
        Assert.True((await user.Client.ApiAsync(new MembersOnly())).Succeeded);
        using (host.Clock.Advance(TimeSpan.FromMinutes(16)))
        {
            var expired = await user.Client.ApiAsync(new MembersOnly());
            Assert.Equal((401, "TokenExpired"), (expired.StatusCode, expired.ErrorCode));
        }
    }

    [Fact]
    public async Task Expired_access_token_is_refused_with_401_saying_so_and_a_refresh_gets_a_working_one()
    {
        var user = await host.SignUpAsync();
        using (host.Clock.Advance(TimeSpan.FromMinutes(16)))
        {
            var expired = await user.Client.ApiAsync(new MembersOnly());
            Assert.Equal((401, "TokenExpired"), (expired.StatusCode, expired.ErrorCode));
            var refreshed = await user.Client.SendAsync(new GetAccessToken { RefreshToken = user.RefreshToken });
            user.Client.BearerToken = refreshed.AccessToken;
            Assert.True((await user.Client.ApiAsync(new MembersOnly())).Succeeded);
        }
    }

    [Fact]
    public async Task Refresh_reads_the_user_again_so_new_roles_arrive_with_the_next_access_token()
    {
        var user = await host.SignUpAsync();
        using var admin = await host.AdminAsync();
        await admin.SendAsync(new AssignRoles { UserName = user.UserName, Roles = ["Owner"] });
        Assert.Equal(403, (await user.Client.ApiAsync(new OwnersOnly())).StatusCode);
        var refreshed = await user.Client.SendAsync(new GetAccessToken { RefreshToken = user.RefreshToken });
        user.Client.BearerToken = refreshed.AccessToken;
        Assert.True((await user.Client.ApiAsync(new OwnersOnly())).Succeeded);
    }

    [Fact]
    public async Task Refresh_from_the_cookie_answers_new_cookies_and_use_token_cookie_keeps_tokens_out_of_the_body()
    {
        var user = await host.SignUpAsync();
        using var http = host.CreateHttp(cookies: true);
        using var signIn = await http.SendAsync(HttpMethod.Post, "/auth/credentials", $$"""{"userName":"{{user.UserName}}","password":"{{user.Password}}"}""");
        var firstRefresh = Http.CookieValue(signIn.SetCookies()["ss-reftok"]);

        using var fromCookie = await http.SendAsync(HttpMethod.Post, "/access-token", "{}");
        var body = await fromCookie.JsonAsync();
        Assert.NotNull(body.GetProperty("accessToken").GetString());
        var cookies = fromCookie.SetCookies();
        Assert.NotEqual(firstRefresh, Http.CookieValue(cookies["ss-reftok"]));
        Assert.Contains("ss-tok", cookies.Keys);

        using var cookieOnly = await http.SendAsync(HttpMethod.Post, "/access-token", """{"useTokenCookie":true}""");
        Assert.Equal("{}", await cookieOnly.Content.ReadAsStringAsync());
        Assert.Contains("ss-reftok", cookieOnly.SetCookies().Keys);
        using var me = await http.SendAsync(HttpMethod.Get, "/api/MembersOnly");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }

    [Fact]
    public async Task Server_renews_an_expired_access_cookie_from_the_refresh_cookie()
    {
        var user = await host.SignUpAsync();
        using var http = host.CreateHttp(cookies: true);
        using var signIn = await http.SendAsync(HttpMethod.Post, "/auth/credentials", $$"""{"userName":"{{user.UserName}}","password":"{{user.Password}}"}""");
        var refreshToken = (await signIn.JsonAsync()).GetProperty("refreshToken").GetString()!;
        using (host.Clock.Advance(TimeSpan.FromMinutes(20)))
        {
            using var me = await http.SendAsync(HttpMethod.Get, "/api/MembersOnly");
            Assert.Equal(user.UserName, (await me.JsonAsync()).GetProperty("userName").GetString());
            var renewed = me.SetCookies();
            Assert.Contains("ss-tok", renewed.Keys);
            Assert.Contains("ss-reftok", renewed.Keys);
            // The renewal spent the old refresh token: the browser holds its successor now.
            using var again = await http.SendAsync(HttpMethod.Get, "/api/MembersOnly");
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.Empty(again.SetCookies());
        }
        await using var db = await host.Db.OpenAsync();
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(refreshToken)));
        Assert.NotNull((await db.SingleAsync<BaaSRefreshToken>(t => t.TokenHash == hash))!.UsedAt);
    }

    [Fact]
    public async Task A_dead_refresh_cookie_is_cleared_and_the_401_says_why()
    {
        var user = await host.SignUpAsync();
        using var http = host.CreateHttp(cookies: true);
        using var signIn = await http.SendAsync(HttpMethod.Post, "/auth/credentials", $$"""{"userName":"{{user.UserName}}","password":"{{user.Password}}"}""");
        var refreshToken = (await signIn.JsonAsync()).GetProperty("refreshToken").GetString()!;
        using var other = host.CreateHttp();
        using var logout = await other.SendAsync(HttpMethod.Post, "/auth/logout", "{}", headers: new Dictionary<string, string> { ["Cookie"] = $"ss-reftok={refreshToken}" });
        Assert.Equal(HttpStatusCode.OK, logout.StatusCode);
        using (host.Clock.Advance(TimeSpan.FromMinutes(20)))
        {
            using var me = await http.SendAsync(HttpMethod.Get, "/api/MembersOnly");
            Assert.Equal("RefreshTokenRevoked", (await me.ErrorAsync(HttpStatusCode.Unauthorized)).Code());
            Assert.Contains("max-age=0", me.SetCookies()["ss-reftok"]);
        }
    }

    [Fact]
    public async Task A_locked_user_cannot_refresh()
    {
        var user = await host.SignUpAsync();
        using var admin = await host.AdminAsync();
        await admin.SendAsync(new AdminUpdateUser { Id = user.UserId, LockUntil = DateTime.UtcNow.AddDays(1) });
        var result = await user.Client.ApiAsync(new GetAccessToken { RefreshToken = user.RefreshToken });
        Assert.Equal(401, result.StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteRefreshTokenTests(SqliteAuthFixture host) : RefreshTokenTests(host);

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlRefreshTokenTests(PostgreSqlAuthFixture host) : RefreshTokenTests(host);
