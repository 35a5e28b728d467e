namespace BaaS.Redis.Tests.ResponseCaching;

/// <summary>The response cache suite on the in-memory store.</summary>
public sealed class MemoryResponseCacheTests : ResponseCacheBehaviourTests
{
    protected override string? Redis => null;

    protected override string Store => "memory";
}
