using System.Net;
using Microsoft.Extensions.DependencyInjection;

namespace BaaS.Redis.Tests.Caching;

/// <summary>
/// Redis going away costs answers, not errors, and coming back needs no restart. Each test runs a redis-server of its
/// own (never the run's shared one) and stops it by its process id.
/// </summary>
public sealed class RedisOutageTests
{
    private static readonly TimeSpan RecoveryDeadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Redis_stopped_mid_test_gives_misses_and_503s_not_500s_and_everything_recovers_when_it_returns()
    {
        await using var redis = await RedisServer.StartAsync();
        var settings = new Dictionary<string, string?> { ["BaaS:Cache:FailureLogInterval"] = "01:00:00" };
        // Production: a 5xx carries no stack trace there, so the body shows exactly what clients get.
        await using var app = await CacheNodes.StartAsync(redis.ConfigurationString, $"outage-{Guid.NewGuid():N}", settings, "Production");
        var client = app.CreateClient();
        var cache = app.Services.GetRequiredService<ICache>();
        var metrics = app.Services.GetRequiredService<CacheMetrics>();

        await client.PostAsync(new PutCacheValue { Key = "menu", Value = "cached" });
        Assert.True((await client.GetAsync(new GetCacheValue { Key = "menu" })).Found);
        Assert.Equal(1, (await client.PostAsync(new CountCacheHit { Key = "hits" })).Count);
        Assert.Equal("Healthy", await ReadyAsync(app));

        await redis.StopAsync();

        // A read's miss says the store is away, for callers that must not take it for an absent key.
        var unavailable = await cache.GetAsync<string>("menu");
        Assert.False(unavailable.HasValue);
        Assert.True(unavailable.StoreUnavailable);

        // Reads are misses, writes are dropped, a fail-open counter goes on: all 200.
        for (var i = 0; i < 10; i++)
        {
            var read = await client.ApiAsync(new GetCacheValue { Key = "menu" });
            Assert.Equal(200, read.StatusCode);
            Assert.False(read.Response!.Found);
        }
        Assert.Equal(200, (await client.ApiAsync(new PutCacheValue { Key = "menu", Value = "dropped" })).StatusCode);
        Assert.Equal(-1, (await client.PostAsync(new CountCacheHit { Key = "hits" })).Count);
        Assert.Equal(200, (await client.ApiAsync(new RemoveCacheValue { Key = "menu" })).StatusCode);
        Assert.Equal(200, (int)(await app.Http.GetAsync("/metadata/app.json")).StatusCode);
        Assert.Equal("computed", await cache.GetOrCreateAsync("menu", _ => ValueTask.FromResult("computed"), TimeSpan.FromMinutes(1)));
        Assert.Null(await cache.TimeToLiveAsync("menu"));
        Assert.Equal(0, await cache.RemoveByPrefixAsync(""));

        // The primitives callers build correctness on throw, so the caller decides; left uncaught: 503 + Retry-After.
        await Assert.ThrowsAsync<CacheUnavailableException>(async () => await cache.AddAsync("otp", "123456", TimeSpan.FromMinutes(10)));
        await Assert.ThrowsAsync<CacheUnavailableException>(async () => await cache.IncrementAsync("hits", 1, TimeSpan.FromMinutes(1)));
        await Assert.ThrowsAsync<CacheUnavailableException>(async () => await cache.UpdateAsync<string>("menu", _ => "updated", TimeSpan.FromMinutes(1)));
        var add = await app.Http.PostAsync("/api/AddCacheValue", JsonBody("""{"key":"otp","value":"1"}"""));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, add.StatusCode);
        Assert.Equal("5", add.Headers.GetValues("Retry-After").Single());
        var body = await add.Content.ReadAsStringAsync();
        Assert.Contains("\"errorCode\":\"CacheUnavailable\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain(redis.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), body, StringComparison.Ordinal);

        // Degraded, answered with 200: the node still serves, so a load balancer keeps it.
        Assert.Equal("Degraded", await ReadyAsync(app));
        Assert.True(metrics.Unavailable >= 18, $"counted {metrics.Unavailable} calls that met the unreachable store");
        // Logged, but not once per call.
        Assert.Single(app.Logs.Messages, m => m.EventId.Id == 3000);

        await redis.StartAgainAsync();

        await EventuallyAsync(async () => await ReadyAsync(app) == "Healthy", "the health check to pass again");
        await EventuallyAsync(async () => (await client.ApiAsync(new PutCacheValue { Key = "menu", Value = "after" })).StatusCode == 200
            && (await client.GetAsync(new GetCacheValue { Key = "menu" })).Found, "a write to be read back");
        Assert.Equal("after", (await client.GetAsync(new GetCacheValue { Key = "menu" })).Value);
        Assert.Equal("after, updated", await cache.UpdateAsync<string>("menu", current => current.Value + ", updated", TimeSpan.FromMinutes(1)));
        // The restarted Redis is empty (no persistence): the counter starts again, through its script (reloaded by the client).
        Assert.Equal(1, (await client.PostAsync(new CountCacheHit { Key = "hits" })).Count);
        Assert.True((await client.PostAsync(new AddCacheValue { Key = "otp", Value = "1" })).Added);
        Assert.Contains(app.Logs.Messages, m => m.EventId.Id == 3001);
    }

    [Fact]
    public async Task An_app_starts_while_Redis_is_down_and_uses_it_once_it_is_up()
    {
        await using var redis = RedisServer.Create(); // a closed port for now
        await using var app = await CacheNodes.StartAsync(redis.ConfigurationString, $"late-{Guid.NewGuid():N}");
        var client = app.CreateClient();

        Assert.False((await client.GetAsync(new GetCacheValue { Key = "k" })).Found);
        Assert.Equal(-1, (await client.PostAsync(new CountCacheHit { Key = "hits" })).Count);
        Assert.Equal("Degraded", await ReadyAsync(app));

        await redis.StartAgainAsync();

        await EventuallyAsync(async () => (await client.PostAsync(new CountCacheHit { Key = "hits" })).Count > 0, "the counter to count in Redis");
        Assert.Equal("Healthy", await ReadyAsync(app));
        await client.PostAsync(new PutCacheValue { Key = "k", Value = "v" });
        Assert.Equal("v", (await client.GetAsync(new GetCacheValue { Key = "k" })).Value);
    }

    [Fact]
    public async Task With_RedisFailureStatus_Unhealthy_ready_answers_503_while_Redis_is_down_and_200_when_it_returns()
    {
        await using var redis = await RedisServer.StartAsync();
        var settings = new Dictionary<string, string?> { ["BaaS:Health:RedisFailureStatus"] = "Unhealthy" };
        await using var app = await CacheNodes.StartAsync(redis.ConfigurationString, $"strict-{Guid.NewGuid():N}", settings);
        Assert.Equal("Healthy", await ReadyAsync(app));

        await redis.StopAsync();
        using (var down = await app.Http.GetAsync("/health/ready"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
            Assert.Equal("Unhealthy", await down.Content.ReadAsStringAsync());
        }

        await redis.StartAgainAsync();
        await EventuallyAsync(async () =>
        {
            using var response = await app.Http.GetAsync("/health/ready");
            return response.StatusCode == HttpStatusCode.OK && await response.Content.ReadAsStringAsync() == "Healthy";
        }, "the readiness check to pass again");
    }

    /// <summary>The ready check's status: always answered with 200 unless a check is unhealthy.</summary>
    private static async Task<string> ReadyAsync(TestServer app)
    {
        using var response = await app.Http.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static StringContent JsonBody(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    // An outcome with a generous deadline (the client reconnects by itself, about once a second), never a timing assertion.
    private static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + RecoveryDeadline;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Gave up waiting for {what} after {RecoveryDeadline.TotalSeconds} s.");
            await Task.Delay(100);
        }
    }
}
