using Microsoft.Extensions.Time.Testing;

namespace BaaS.Redis.Tests.RateLimiting;

/// <summary>The rate-limit suite with counters in memory, on a fake clock.</summary>
public sealed class MemoryRateLimitTests : RateLimitBehaviourTests
{
    private readonly FakeTimeProvider _clock = Caching.CacheFactory.NewClock();

    protected override string? Redis => null;

    protected override TimeSpan ShortWindow => TimeSpan.FromMinutes(1);

    protected override TimeProvider? Clock => _clock;

    protected override Task PassAsync(TimeSpan time)
    {
        _clock.Advance(time);
        return Task.CompletedTask;
    }
}
