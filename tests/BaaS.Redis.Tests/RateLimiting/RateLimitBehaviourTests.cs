using System.Globalization;
using System.Net;
using System.Text.Json;

namespace BaaS.Redis.Tests.RateLimiting;

/// <summary>
/// What the rate limits promise, written once and run per counter store: in memory on a fake clock
/// (<see cref="MemoryRateLimitTests"/>) and on a real Redis (<see cref="RedisRateLimitTests"/>). Each test is an app of its
/// own (its own key prefix), with the default policy at 5 calls a minute unless it says otherwise.
/// </summary>
public abstract class RateLimitBehaviourTests
{
    /// <summary>The settings that choose the store.</summary>
    protected abstract string? Redis { get; }

    /// <summary><c>LimitedPing</c>'s window in the reset test: a minute on the fake clock, a few seconds on Redis.</summary>
    protected abstract TimeSpan ShortWindow { get; }

    /// <summary>The clock the app runs on (null: the system's).</summary>
    protected virtual TimeProvider? Clock => null;

    /// <summary>Lets <paramref name="time"/> pass for the counters (a fake clock in memory, real time on Redis).</summary>
    protected abstract Task PassAsync(TimeSpan time);

    protected Task<TestServer> StartAsync(Dictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?> { ["BaaS:RateLimits:Default:PermitLimit"] = "5" };
        foreach (var (key, value) in settings ?? []) all[key] = value;
        return RateLimitNodes.StartAsync(Redis, $"rl-{Guid.NewGuid():N}", all, Clock);
    }

    [Fact]
    public async Task Over_the_budget_answers_429_with_Retry_After_and_the_RateLimit_headers_and_the_window_resets()
    {
        var window = ShortWindow;
        // The default budget is out of the way here (on Redis its minute outlives the short window).
        await using var app = await StartAsync(new()
        {
            ["BaaS:RateLimits:Policies:LimitedPing:Window"] = window.ToString("c", CultureInfo.InvariantCulture),
            ["BaaS:RateLimits:Default:PermitLimit"] = "100",
        });
        using var http = app.Client("ann");
        var windowSeconds = (long)window.TotalSeconds;

        for (var remaining = 2; remaining >= 0; remaining--)
        {
            using var ok = await http.CallAsync("LimitedPing");
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            Assert.Equal("3", ok.Header("RateLimit-Limit"));
            Assert.Equal(remaining.ToString(CultureInfo.InvariantCulture), ok.Header("RateLimit-Remaining"));
            Assert.InRange(long.Parse(ok.Header("RateLimit-Reset"), CultureInfo.InvariantCulture), 1, windowSeconds);
            Assert.Equal($"3;w={windowSeconds}", ok.Header("RateLimit-Policy"));
            Assert.False(ok.Headers.Contains("Retry-After"));
        }

        using var refused = await http.CallAsync("LimitedPing");
        var status = await HttpAssert.ErrorAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.Equal("TooManyRequests", status.GetProperty("errorCode").GetString());
        Assert.Equal("LimitedPing", status.GetProperty("meta").GetProperty("policy").GetString());
        Assert.Contains("'LimitedPing'", status.GetProperty("message").GetString(), StringComparison.Ordinal);
        var retryAfter = long.Parse(refused.Header("Retry-After"), CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, windowSeconds);
        Assert.Equal(refused.Header("RateLimit-Reset"), refused.Header("Retry-After"));
        Assert.Equal("0", refused.Header("RateLimit-Remaining"));
        Assert.Equal("3", refused.Header("RateLimit-Limit"));
        Assert.Equal(1, app.Services.GetRequiredServiceOf<RateLimitMetrics>().Refused);

        await PassAsync(window);

        using var again = await http.CallAsync("LimitedPing");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("2", again.Header("RateLimit-Remaining"));
    }

    [Fact]
    public async Task Every_operation_counts_against_the_default_policy_and_shows_the_policy_closest_to_running_out()
    {
        await using var app = await StartAsync();
        using var http = app.Client("ann");
        using (var first = await http.CallAsync("Ping"))
        {
            Assert.Equal("5", first.Header("RateLimit-Limit"));
            Assert.Equal("4", first.Header("RateLimit-Remaining"));
            Assert.Equal("5;w=60", first.Header("RateLimit-Policy"));
        }
        // LimitedPing counts against both: its own budget (3, now 2 left) is closer to running out than the default (3 left).
        using (var limited = await http.CallAsync("LimitedPing"))
        {
            Assert.Equal("3", limited.Header("RateLimit-Limit"));
            Assert.Equal("2", limited.Header("RateLimit-Remaining"));
        }
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, await http.StatusAsync("Ping"));
        // The default budget (5) is spent across operations: the next call of any of them is refused by it.
        using var refused = await http.CallAsync("Ping");
        var status = await HttpAssert.ErrorAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.Equal("default", status.GetProperty("meta").GetProperty("policy").GetString());
        Assert.Equal(HttpStatusCode.TooManyRequests, await http.StatusAsync("LimitedPing"));
    }

    [Fact]
    public async Task Users_API_keys_and_anonymous_addresses_have_budgets_of_their_own()
    {
        await using var app = await StartAsync();
        using var ann = app.Client("ann");
        using var bob = app.Client("bob");
        using var annKey = app.Client("ann", apiKey: "7");
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, await ann.StatusAsync("LimitedPing"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await ann.StatusAsync("LimitedPing"));
        // Another user, and ann's own API key, still have their whole budgets.
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, await bob.StatusAsync("LimitedPing"));
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, await annKey.StatusAsync("LimitedPing"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await annKey.StatusAsync("LimitedPing"));

        // A per-user policy counts a user's key calls against the user.
        Assert.Equal(HttpStatusCode.OK, await ann.StatusAsync("UserPing"));
        Assert.Equal(HttpStatusCode.OK, await annKey.StatusAsync("UserPing"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await ann.StatusAsync("UserPing"));

        // Anonymous callers count by address: one address's calls share a budget, another address has its own.
        using var first = app.Client(from: IPAddress.Parse("127.0.0.21"));
        using var sameAddress = app.Client(from: IPAddress.Parse("127.0.0.21"));
        using var other = app.Client(from: IPAddress.Parse("127.0.0.22"));
        Assert.Equal(HttpStatusCode.OK, await first.StatusAsync("LimitedPing"));
        Assert.Equal(HttpStatusCode.OK, await sameAddress.StatusAsync("LimitedPing"));
        Assert.Equal(HttpStatusCode.OK, await first.StatusAsync("LimitedPing"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await sameAddress.StatusAsync("LimitedPing"));
        Assert.Equal(HttpStatusCode.OK, await other.StatusAsync("LimitedPing"));

        // A per-IP policy counts signed-in users by their address too.
        using var carol = app.Client("carol", from: IPAddress.Parse("127.0.0.23"));
        using var dave = app.Client("dave", from: IPAddress.Parse("127.0.0.23"));
        Assert.Equal(HttpStatusCode.OK, await carol.StatusAsync("StrictPing"));
        Assert.Equal(HttpStatusCode.OK, await dave.StatusAsync("StrictPing"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await carol.StatusAsync("StrictPing"));
    }

    [Fact]
    public async Task A_forwarded_for_header_from_a_client_that_is_not_a_trusted_proxy_changes_nothing()
    {
        await using var app = await StartAsync(new() { ["BaaS:Security:ForwardedHeaders:TrustedProxies:0"] = "10.0.0.5" });
        using var http = app.Client(from: IPAddress.Parse("127.0.0.31"));
        Assert.Equal(HttpStatusCode.OK, await http.StatusAsync("LimitedPing", "203.0.113.7"));
        Assert.Equal(HttpStatusCode.OK, await http.StatusAsync("LimitedPing", "203.0.113.8"));
        Assert.Equal(HttpStatusCode.OK, await http.StatusAsync("LimitedPing", "203.0.113.9"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await http.StatusAsync("LimitedPing", "198.51.100.1"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await http.StatusAsync("LimitedPing"));
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_each_forwarded_client_has_its_own_budget()
    {
        await using var app = await StartAsync(new() { ["BaaS:Security:ForwardedHeaders:TrustedProxies:0"] = "127.0.0.41" });
        using var proxy = app.Client(from: IPAddress.Parse("127.0.0.41"));
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, await proxy.StatusAsync("LimitedPing", "203.0.113.7"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await proxy.StatusAsync("LimitedPing", "203.0.113.7"));
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, await proxy.StatusAsync("LimitedPing", "198.51.100.9"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await proxy.StatusAsync("LimitedPing", "198.51.100.9"));
    }

    [Fact]
    public async Task Configuration_changes_a_declared_policy_adds_one_to_an_operation_or_turns_one_off()
    {
        await using var app = await StartAsync(new()
        {
            ["BaaS:RateLimits:Policies:LimitedPing:PermitLimit"] = "1",
            ["BaaS:RateLimits:Policies:pings:PermitLimit"] = "2",
            ["BaaS:RateLimits:Policies:pings:Window"] = "01:00:00",
            ["BaaS:RateLimits:Policies:pings:Operations:0"] = "Ping",
            ["BaaS:RateLimits:Policies:strict:Enabled"] = "false",
            ["BaaS:RateLimits:Default:Enabled"] = "false",
        });
        using var http = app.Client("ann");
        Assert.Equal(HttpStatusCode.OK, await http.StatusAsync("LimitedPing"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await http.StatusAsync("LimitedPing"));
        using (var ping = await http.CallAsync("Ping")) Assert.Equal("2;w=3600", ping.Header("RateLimit-Policy"));
        Assert.Equal(HttpStatusCode.OK, await http.StatusAsync("Ping"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await http.StatusAsync("Ping"));
        // No policy applies to StrictPing any more (its own is off, and so is the default): no headers, no limit.
        for (var i = 0; i < 4; i++)
        {
            using var strict = await http.CallAsync("StrictPing");
            Assert.Equal(HttpStatusCode.OK, strict.StatusCode);
            Assert.False(strict.Headers.Contains("RateLimit-Limit"));
        }
    }

    [Fact]
    public async Task The_metadata_lists_the_default_policy_and_each_operations_policies()
    {
        await using var app = await StartAsync();
        using var document = JsonDocument.Parse(await app.Http.GetStringAsync("/metadata/app.json"));
        var limits = document.RootElement.GetProperty("plugins").GetProperty("rateLimits");
        Assert.Equal("draft-ietf-httpapi-ratelimit-headers-06", limits.GetProperty("headers").GetString());
        var defaults = limits.GetProperty("default");
        Assert.Equal(5, defaults.GetProperty("permitLimit").GetInt32());
        Assert.Equal(60, defaults.GetProperty("windowSeconds").GetInt64());
        Assert.Equal("caller", defaults.GetProperty("partition").GetString());
        Assert.Equal("open", defaults.GetProperty("failureMode").GetString());
        var strict = limits.GetProperty("policies").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "strict");
        Assert.Equal(2, strict.GetProperty("permitLimit").GetInt32());
        Assert.Equal("ip", strict.GetProperty("partition").GetString());
        Assert.Equal("closed", strict.GetProperty("failureMode").GetString());
        Assert.Equal(["StrictPing"], strict.GetProperty("operations").EnumerateArray().Select(o => o.GetString()));
        Assert.Equal(["LimitedPing", "UserPing", "strict"],
            limits.GetProperty("policies").EnumerateArray().Select(p => p.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_configured_policy_naming_an_operation_the_app_does_not_serve_stops_the_start()
    {
        var error = await Assert.ThrowsAsync<ConfigurationException>(() => StartAsync(new()
        {
            ["BaaS:RateLimits:Policies:typo:PermitLimit"] = "2",
            ["BaaS:RateLimits:Policies:typo:Window"] = "00:01:00",
            ["BaaS:RateLimits:Policies:typo:Operations:0"] = "Pingg",
        }));
        Assert.Contains("BaaS:RateLimits:Policies:typo:Operations names 'Pingg'", error.Message, StringComparison.Ordinal);
    }
}

internal static class ServiceProviderExtensions
{
    public static T GetRequiredServiceOf<T>(this IServiceProvider services) where T : notnull =>
        Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<T>(services);
}
