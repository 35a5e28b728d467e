namespace BaaS.Redis.Tests.ResponseCaching;

/// <summary>The response cache suite on the run's redis-server (<c>BAAS_TEST_REDIS</c>).</summary>
public sealed class RedisResponseCacheTests : ResponseCacheBehaviourTests
{
    protected override string? Redis => RedisTestService.Instance.ConnectionString;

    protected override string Store => "redis";
}
