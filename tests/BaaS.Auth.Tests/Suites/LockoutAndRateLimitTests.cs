using System.Net;
using BaaS.Auth.Tests.Infrastructure;

namespace BaaS.Auth.Tests.Suites;

/// <summary>Brute force: five wrong passwords lock the account, also when tried in parallel.</summary>
public abstract class LockoutTests(AuthFixture host)
{
    [Fact]
    public async Task Five_failed_sign_ins_lock_the_account_even_for_the_right_password_until_an_admin_unlocks_it()
    {
        var user = await host.SignUpAsync();
        using var http = host.CreateHttp();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await http.SendAsync(HttpMethod.Post, "/auth/credentials", $$"""{"userName":"{{user.UserName}}","password":"wrong {{attempt}}"}""");
            Assert.Equal(attempt < 5 ? "InvalidCredentials" : "AccountLocked", (await wrong.ErrorAsync(HttpStatusCode.Unauthorized)).Code());
        }
        using (var right = await http.SendAsync(HttpMethod.Post, "/auth/credentials", $$"""{"userName":"{{user.UserName}}","password":"{{user.Password}}"}"""))
            Assert.Equal("AccountLocked", (await right.ErrorAsync(HttpStatusCode.Unauthorized)).Code());

        using var admin = await host.AdminAsync();
        var locked = await admin.SendAsync(new AdminGetUser { Id = user.UserId });
        Assert.NotNull(locked.Result.LockedUntil);
        await admin.SendAsync(new AdminUpdateUser { Id = user.UserId, Unlock = true });
        using var after = await http.SendAsync(HttpMethod.Post, "/auth/credentials", $$"""{"userName":"{{user.UserName}}","password":"{{user.Password}}"}""");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task A_success_clears_earlier_failures()
    {
        var user = await host.SignUpAsync();
        using var http = host.CreateHttp();
        for (var round = 0; round < 2; round++)
        {
            for (var attempt = 0; attempt < 4; attempt++)
            {
                using var wrong = await http.SendAsync(HttpMethod.Post, "/auth/credentials", $$"""{"userName":"{{user.UserName}}","password":"wrong"}""");
                Assert.Equal("InvalidCredentials", (await wrong.ErrorAsync(HttpStatusCode.Unauthorized)).Code());
            }
            using var right = await http.SendAsync(HttpMethod.Post, "/auth/credentials", $$"""{"userName":"{{user.UserName}}","password":"{{user.Password}}"}""");
            Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        }
    }

    [Fact]
    public async Task Failed_sign_ins_made_in_parallel_all_count_toward_the_lock()
    {
        var user = await host.SignUpAsync();
        using var http = host.CreateHttp();
        var attempts = await Task.WhenAll(Enumerable.Range(0, 12).Select(async i =>
        {
            using var response = await http.SendAsync(HttpMethod.Post, "/auth/credentials", $$"""{"userName":"{{user.UserName}}","password":"parallel {{i}}"}""");
            return response.StatusCode;
        }));
        Assert.All(attempts, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        using var right = await http.SendAsync(HttpMethod.Post, "/auth/credentials", $$"""{"userName":"{{user.UserName}}","password":"{{user.Password}}"}""");
        Assert.Equal("AccountLocked", (await right.ErrorAsync(HttpStatusCode.Unauthorized)).Code());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteLockoutTests(SqliteAuthFixture host) : LockoutTests(host);

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlLockoutTests(PostgreSqlAuthFixture host) : LockoutTests(host);

/// <summary>A host whose auth endpoints allow 4 requests per IP address and minute.</summary>
public abstract class RateLimitedHost(TestDatabaseKind kind) : AuthFixture(kind)
{
    protected override void Configure(AuthOptions options)
    {
        options.RateLimit.Enabled = true;
        options.RateLimit.PermitLimit = 4;
        options.RateLimit.Window = TimeSpan.FromMinutes(1);
    }
}

public sealed class SqliteRateLimitedHost() : RateLimitedHost(TestDatabaseKind.SqliteFile);

public sealed class PostgreSqlRateLimitedHost() : RateLimitedHost(TestDatabaseKind.PostgreSql);

/// <summary>The rate limit of the auth endpoints: 429 with Retry-After and a ResponseStatus, counted across every route.</summary>
public abstract class RateLimitTests(AuthFixture host)
{
    [Fact]
    public async Task Over_the_limit_the_auth_endpoints_answer_429_with_Retry_After_on_every_route()
    {
        using var http = host.CreateHttp();
        // Four permits a minute for this address, spent across the DTO's routes (its [Route], /api, /json/reply, batches).
        string[] paths = ["/auth/credentials", "/api/Authenticate", "/json/reply/Authenticate", "/register"];
        foreach (var path in paths)
        {
            using var allowed = await http.SendAsync(HttpMethod.Post, path, """{"provider":"credentials","userName":"nobody","password":"wrong"}""");
            Assert.NotEqual(HttpStatusCode.TooManyRequests, allowed.StatusCode);
        }
        foreach (var path in new[] { "/auth/credentials", "/api/Authenticate[]", "/access-token", "/api/ForgotPassword" })
        {
            var body = path.EndsWith("[]", StringComparison.Ordinal) ? """[{"provider":"credentials","userName":"x","password":"y"}]""" : """{"email":"x@example.com"}""";
            using var limited = await http.SendAsync(HttpMethod.Post, path, body);
            var status = await limited.ErrorAsync(HttpStatusCode.TooManyRequests);
            Assert.Equal("TooManyRequests", status.Code());
            var retryAfter = int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(retryAfter, 1, 60);
        }
        // Reading the session is not limited, nor are other operations.
        using var session = await http.SendAsync(HttpMethod.Get, "/auth");
        Assert.Equal(HttpStatusCode.Unauthorized, session.StatusCode);
        using var open = await http.SendAsync(HttpMethod.Get, "/api/WhoAmI");
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
    }
}

public sealed class SqliteRateLimitTests(SqliteRateLimitedHost host) : RateLimitTests(host), IClassFixture<SqliteRateLimitedHost>;

public sealed class PostgreSqlRateLimitTests(PostgreSqlRateLimitedHost host) : RateLimitTests(host), IClassFixture<PostgreSqlRateLimitedHost>;
