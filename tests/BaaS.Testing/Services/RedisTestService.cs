namespace BaaS.Testing;

/// <summary>The test run's Redis server: a StackExchange.Redis configuration string (<c>127.0.0.1:PORT</c>) in <c>BAAS_TEST_REDIS</c>.</summary>
public sealed class RedisTestService : TestService
{
    /// <summary>The one instance.</summary>
    public static RedisTestService Instance { get; } = new();

    private RedisTestService() { }

    /// <inheritdoc />
    public override string Name => "Redis";

    /// <inheritdoc />
    public override string EnvironmentVariable => "BAAS_TEST_REDIS";

    /// <inheritdoc />
    public override string StartFunction => "redis_start";
}
