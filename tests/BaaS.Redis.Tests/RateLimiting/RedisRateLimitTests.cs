namespace BaaS.Redis.Tests.RateLimiting;

/// <summary>
/// The rate-limit suite with counters on the run's redis-server (<c>BAAS_TEST_REDIS</c>). Windows are Redis's own
/// expiry: the reset test uses a window of a few seconds, waits it out and checks only the outcome.
/// </summary>
public sealed class RedisRateLimitTests : RateLimitBehaviourTests
{
    protected override string? Redis => RedisTestService.Instance.ConnectionString;

    protected override TimeSpan ShortWindow => TimeSpan.FromSeconds(5);

    // Past the window, with room: Redis compares expiry against its clock in whole milliseconds.
    protected override Task PassAsync(TimeSpan time) => Task.Delay(time + TimeSpan.FromMilliseconds(500));
}
