namespace BaaS.Redis.Tests.Caching;

/// <summary>
/// The cache behaviour suite on the run's redis-server (<c>BAAS_TEST_REDIS</c>). Expiry is Redis's own, on its clock:
/// the expiry tests wait a short real time to live out and check only the outcome.
/// </summary>
public sealed class RedisCacheTests : CacheBehaviourTests
{
    protected override Dictionary<string, string?> Settings => CacheFactory.Redis(RedisTestService.Instance.ConnectionString);

    protected override TimeSpan ShortTtl => TimeSpan.FromMilliseconds(300);

    // Past the time to live, with room: Redis compares expiry against its clock in whole milliseconds.
    protected override Task PassAsync(TimeSpan time) => Task.Delay(time + TimeSpan.FromMilliseconds(200));
}
