using System.Net;
using Microsoft.Extensions.DependencyInjection;

namespace BaaS.Redis.Tests.RateLimiting;

/// <summary>
/// Redis going away: fail-open policies let calls through uncounted, fail-closed ones answer 503 with Retry-After, never
/// 500; both recover by themselves when Redis returns. A redis-server of the test's own, stopped by its process id.
/// </summary>
public sealed class RedisRateLimitOutageTests
{
    private static readonly TimeSpan RecoveryDeadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task With_Redis_stopped_open_policies_let_calls_through_closed_ones_answer_503_and_both_recover()
    {
        await using var redis = await RedisServer.StartAsync();
        var settings = new Dictionary<string, string?> { ["BaaS:RateLimits:Default:PermitLimit"] = "100", ["BaaS:RateLimits:LogInterval"] = "01:00:00" };
        await using var app = await RateLimitNodes.StartAsync(redis.ConfigurationString, $"rl-outage-{Guid.NewGuid():N}", settings, environment: "Production");
        using var http = app.Client("ann");
        var metrics = app.Services.GetRequiredService<RateLimitMetrics>();

        Assert.Equal(HttpStatusCode.OK, await http.StatusAsync("LimitedPing"));
        Assert.Equal(HttpStatusCode.OK, await http.StatusAsync("StrictPing"));

        await redis.StopAsync();

        // LimitedPing (and the default policy) fail open: more calls than its budget of 3 all go through, without headers.
        for (var i = 0; i < 5; i++)
        {
            using var open = await http.CallAsync("LimitedPing");
            Assert.Equal(HttpStatusCode.OK, open.StatusCode);
            Assert.False(open.Headers.Contains("RateLimit-Limit"));
        }
        // StrictPing fails closed: 503 naming the policy, with Retry-After; never a 500.
        for (var i = 0; i < 3; i++)
        {
            using var closed = await http.CallAsync("StrictPing");
            var status = await HttpAssert.ErrorAsync(closed, HttpStatusCode.ServiceUnavailable);
            Assert.Equal("RateLimitUnavailable", status.GetProperty("errorCode").GetString());
            Assert.Equal("strict", status.GetProperty("meta").GetProperty("policy").GetString());
            Assert.Equal("5", closed.Header("Retry-After"));
            Assert.DoesNotContain(redis.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), await closed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal(3, metrics.FailedClosed);
        Assert.True(metrics.FailedOpen >= 10, $"{metrics.FailedOpen} calls failed open"); // LimitedPing's and the default's, and StrictPing's default
        // Logged once for the interval, not once per call; no server error logged.
        Assert.Single(app.Logs.Messages, m => m.EventId.Id == 3200);
        Assert.DoesNotContain(app.Logs.Messages, m => m.Level >= Microsoft.Extensions.Logging.LogLevel.Error);

        await redis.StartAgainAsync();

        await EventuallyAsync(async () => await http.StatusAsync("StrictPing") == HttpStatusCode.OK, "the closed policy to answer again");
        // Counting again (the restarted Redis is empty): StrictPing's budget of 2 holds once more.
        using (var counted = await http.CallAsync("LimitedPing")) Assert.Equal("2", counted.Header("RateLimit-Remaining"));
        Assert.Equal(HttpStatusCode.OK, await http.StatusAsync("StrictPing"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await http.StatusAsync("StrictPing"));
    }

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
