using Microsoft.Extensions.Time.Testing;

namespace BaaS.Redis.Tests.Caching;

/// <summary>The cache behaviour suite on the in-memory store, with a fake clock.</summary>
public sealed class MemoryCacheTests : CacheBehaviourTests
{
    private readonly FakeTimeProvider _clock = CacheFactory.NewClock();

    protected override Dictionary<string, string?> Settings => CacheFactory.Memory();

    protected override TimeSpan ShortTtl => TimeSpan.FromMinutes(1);

    protected override TimeProvider? Clock => _clock;

    protected override Task PassAsync(TimeSpan time)
    {
        _clock.Advance(time);
        return Task.CompletedTask;
    }
}
