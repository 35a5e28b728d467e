using System.Net;
using BaaS.Auth;
using BaaS.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BaaS.Redis.Tests.RateLimiting;

/// <summary>Several app instances on one Redis count against one budget: N calls spread over them, and the next is refused on any.</summary>
public sealed class RedisRateLimitNodesTests
{
    [Fact]
    public async Task Two_app_instances_on_one_Redis_share_one_budget()
    {
        var app = $"rl-nodes-{Guid.NewGuid():N}";
        var redis = RedisTestService.Instance.ConnectionString;
        var settings = new Dictionary<string, string?> { ["BaaS:RateLimits:Default:PermitLimit"] = "6" };
        await using var node1 = await RateLimitNodes.StartAsync(redis, app, settings);
        await using var node2 = await RateLimitNodes.StartAsync(redis, app, settings);
        using var on1 = node1.Client("ann");
        using var on2 = node2.Client("ann");

        // Six calls, alternating nodes: the default budget of 6 is spent between them.
        for (var i = 0; i < 6; i++)
        {
            using var ok = await (i % 2 == 0 ? on1 : on2).CallAsync("Ping");
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            Assert.Equal((5 - i).ToString(System.Globalization.CultureInfo.InvariantCulture), ok.Header("RateLimit-Remaining"));
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, await on1.StatusAsync("Ping"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await on2.StatusAsync("Ping"));

        // A per-operation policy too: two calls on node 1, one on node 2 spend LimitedPing's 3... but the default is spent
        // already, so check another user's budget instead.
        using var bob1 = node1.Client("bob");
        using var bob2 = node2.Client("bob");
        Assert.Equal(HttpStatusCode.OK, await bob1.StatusAsync("LimitedPing"));
        Assert.Equal(HttpStatusCode.OK, await bob1.StatusAsync("LimitedPing"));
        Assert.Equal(HttpStatusCode.OK, await bob2.StatusAsync("LimitedPing"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await bob2.StatusAsync("LimitedPing"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await bob1.StatusAsync("LimitedPing"));
    }

    [Fact]
    public async Task The_sign_in_budget_and_the_per_client_lockout_are_shared_across_two_nodes()
    {
        var redis = RedisTestService.Instance.ConnectionString;
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = redis,
            ["Auth:RateLimit:PermitLimit"] = "4",
            ["Auth:RateLimit:Window"] = "00:10:00",
            ["Auth:Lockout:MaxFailedAttemptsPerClient"] = "3",
        };
        var app = $"rl-signin-{Guid.NewGuid():N}";
        await using var node1 = await AuthNodeAsync(app, settings, null);
        await using var node2 = await AuthNodeAsync(app, settings, node1);

        // The sign-in policy: 4 per address, spent over both nodes.
        using var from1 = node1.Client(from: IPAddress.Parse("127.0.0.51"));
        using var from2 = node2.Client(from: IPAddress.Parse("127.0.0.51"));
        for (var i = 0; i < 4; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, await SignInAsync(i % 2 == 0 ? from1 : from2, "nobody", "wrong"));
        using (var refused = await from2.SendAsync(SignIn("nobody", "wrong")))
        {
            var status = await HttpAssert.ErrorAsync(refused, HttpStatusCode.TooManyRequests);
            Assert.Equal("auth", status.GetProperty("meta").GetProperty("policy").GetString());
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInAsync(from1, "nobody", "wrong"));

        // The per-client lockout: 3 failures on one name from one address, over both nodes, refuse that address on either.
        using var client = new Client.JsonApiClient(node1.BaseUrl);
        await client.SendAsync(new Register { Email = "nodes@example.com", Password = "a long password" });
        using var guesser1 = node1.Client(from: IPAddress.Parse("127.0.0.52"));
        using var guesser2 = node2.Client(from: IPAddress.Parse("127.0.0.52"));
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInAsync(guesser1, "nodes@example.com", "wrong 1"));
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInAsync(guesser2, "nodes@example.com", "wrong 2"));
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInAsync(guesser1, "nodes@example.com", "wrong 3"));
        using (var locked = await guesser2.SendAsync(SignIn("nodes@example.com", "a long password")))
            Assert.Equal("AccountLocked", (await HttpAssert.ErrorAsync(locked, HttpStatusCode.Unauthorized)).GetProperty("errorCode").GetString());
        using var owner = node2.Client(from: IPAddress.Parse("127.0.0.53"));
        Assert.Equal(HttpStatusCode.OK, await SignInAsync(owner, "nodes@example.com", "a long password"));
    }

    private static Task<TestServer> AuthNodeAsync(string app, Dictionary<string, string?> settings, TestServer? shareWith) =>
        TestServer.StartAsync(o =>
        {
            foreach (var (key, value) in settings) o.Configuration[key] = value;
            if (shareWith is not null) o.Database = shareWith.Database;
            else
            {
                o.Dialect = TestDatabaseKind.SqliteFile;
                o.DatabasePrefix = "ratelimit_tests";
                o.PrepareDatabase = async factory => await new Migrator(factory, AuthMigrations.Types).RunAsync();
            }
            o.BaaS += b => b.ServiceName = app;
            o.ConfigureBuilder += b =>
            {
                b.Services.AddBaaSRedis(b.Configuration);
                b.Services.AddBaaSAuth(b.Configuration.GetSection("Auth"), a => a.PasswordHashIterations = 1_000);
            };
        });

    private static HttpRequestMessage SignIn(string userName, string password) => new(HttpMethod.Post, "/auth/credentials")
    {
        Content = HttpAssert.Json($$"""{"userName":"{{userName}}","password":"{{password}}"}"""),
    };

    private static async Task<HttpStatusCode> SignInAsync(HttpClient http, string userName, string password)
    {
        using var response = await http.SendAsync(SignIn(userName, password));
        return response.StatusCode;
    }
}
