using System.Net;
using BaaS.Auth.Tests.Infrastructure;

namespace BaaS.Auth.Tests.Suites;

/// <summary>
/// Brute force, under the two-tier policy: five wrong passwords from one address refuse that address for that name
/// (unknown names alike, so the answers reveal nothing), and the account locks for everyone only after twenty, from
/// any addresses, also when tried in parallel. A wrong password never learns that it locked anything.
/// </summary>
public abstract class LockoutTests(AuthFixture host)
{
    private static int _nextAddress;

    /// <summary>A client on its own loopback address (127.0.0.2 and up), so each test is a fresh set of clients.</summary>
    private HttpClient Client()
    {
        var n = Interlocked.Increment(ref _nextAddress);
        return host.CreateHttp(from: new IPAddress([127, 0, (byte)(1 + n / 250), (byte)(2 + n % 250)]));
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient http, string userName, string password) =>
        http.SendAsync(HttpMethod.Post, "/auth/credentials", $$"""{"userName":"{{userName}}","password":"{{password}}"}""");

    [Fact]
    public async Task Five_failures_from_one_address_refuse_it_for_that_name_even_with_the_right_password_but_not_other_addresses()
    {
        var user = await host.SignUpAsync();
        using var attacker = Client();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await SignInAsync(attacker, user.UserName, $"wrong {attempt}");
            Assert.Equal("InvalidCredentials", (await wrong.ErrorAsync(HttpStatusCode.Unauthorized)).Code());
        }
        using (var right = await SignInAsync(attacker, user.UserName, user.Password))
            Assert.Equal("AccountLocked", (await right.ErrorAsync(HttpStatusCode.Unauthorized)).Code());

        using var owner = Client();
        using (var elsewhere = await SignInAsync(owner, user.UserName, user.Password))
            Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);
        using var admin = await host.AdminAsync();
        Assert.Null((await admin.SendAsync(new AdminGetUser { Id = user.UserId })).Result.LockedUntil);
    }

    [Fact]
    public async Task An_unknown_name_is_answered_exactly_like_a_real_one_through_the_whole_sequence()
    {
        var user = await host.SignUpAsync();
        var unknown = "nobody-" + Guid.NewGuid().ToString("N")[..12];
        using var http = Client();
        for (var attempt = 1; attempt <= 7; attempt++)
        {
            using var real = await SignInAsync(http, user.UserName, $"wrong {attempt}");
            using var none = await SignInAsync(http, unknown, $"wrong {attempt}");
            var realCode = (await real.ErrorAsync(HttpStatusCode.Unauthorized)).Code();
            Assert.Equal(realCode, (await none.ErrorAsync(HttpStatusCode.Unauthorized)).Code());
            Assert.Equal(attempt <= 5 ? "InvalidCredentials" : "AccountLocked", realCode);
        }
    }

    [Fact]
    public async Task Twenty_failures_from_several_addresses_lock_the_account_for_everyone_until_an_admin_unlocks_it()
    {
        var user = await host.SignUpAsync();
        for (var address = 0; address < 5; address++)
        {
            using var http = Client();
            for (var attempt = 0; attempt < 4; attempt++)
            {
                using var wrong = await SignInAsync(http, user.UserName, $"wrong {address}.{attempt}");
                Assert.Equal("InvalidCredentials", (await wrong.ErrorAsync(HttpStatusCode.Unauthorized)).Code());
            }
        }
        using var owner = Client();
        using (var right = await SignInAsync(owner, user.UserName, user.Password))
            Assert.Equal("AccountLocked", (await right.ErrorAsync(HttpStatusCode.Unauthorized)).Code());

        using var admin = await host.AdminAsync();
        Assert.NotNull((await admin.SendAsync(new AdminGetUser { Id = user.UserId })).Result.LockedUntil);
        await admin.SendAsync(new AdminUpdateUser { Id = user.UserId, Unlock = true });
        using var after = await SignInAsync(owner, user.UserName, user.Password);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task An_admin_unlock_also_ends_the_refusal_of_an_address()
    {
        var user = await host.SignUpAsync();
        using var http = Client();
        for (var attempt = 0; attempt < 5; attempt++)
            using (await SignInAsync(http, user.UserName, "wrong")) { }
        using (var refused = await SignInAsync(http, user.UserName, user.Password))
            Assert.Equal("AccountLocked", (await refused.ErrorAsync(HttpStatusCode.Unauthorized)).Code());
        using var admin = await host.AdminAsync();
        await admin.SendAsync(new AdminUpdateUser { Id = user.UserId, Unlock = true });
        using var after = await SignInAsync(http, user.UserName, user.Password);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task A_success_clears_earlier_failures()
    {
        var user = await host.SignUpAsync();
        using var http = Client();
        for (var round = 0; round < 2; round++)
        {
            for (var attempt = 0; attempt < 4; attempt++)
            {
                using var wrong = await SignInAsync(http, user.UserName, "wrong");
                Assert.Equal("InvalidCredentials", (await wrong.ErrorAsync(HttpStatusCode.Unauthorized)).Code());
            }
            using var right = await SignInAsync(http, user.UserName, user.Password);
            Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        }
    }

    [Fact]
    public async Task Failed_sign_ins_made_in_parallel_from_many_addresses_all_count_toward_the_lock()
    {
        var user = await host.SignUpAsync();
        // 24 failures at once, 3 from each of 8 addresses: no address reaches its own limit, the account passes its 20.
        var clients = Enumerable.Range(0, 8).Select(_ => Client()).ToList();
        var attempts = await Task.WhenAll(Enumerable.Range(0, 24).Select(async i =>
        {
            using var response = await SignInAsync(clients[i % 8], user.UserName, $"parallel {i}");
            return response.StatusCode;
        }));
        Assert.All(attempts, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        using var owner = Client();
        using var right = await SignInAsync(owner, user.UserName, user.Password);
        Assert.Equal("AccountLocked", (await right.ErrorAsync(HttpStatusCode.Unauthorized)).Code());
        clients.ForEach(c => c.Dispose());
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
