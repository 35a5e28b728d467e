namespace BaaS;

/// <summary>The cache's settings, bound from <c>BaaS:Cache</c> (e.g. <c>BaaS:Cache:KeyPrefix</c>, <c>BaaS:Cache:MaxEntries</c>).</summary>
public sealed class CacheOptions
{
    /// <summary>The configuration section: <c>BaaS:Cache</c>.</summary>
    public const string SectionName = "BaaS:Cache";

    /// <summary>
    /// Put before every key, so apps (and environments) can share one Redis. Default (null): the app's
    /// <see cref="BaaSOptions.ServiceName"/> and <c>:</c>, e.g. <c>MyApp:</c>. Empty for no prefix.
    /// </summary>
    public string? KeyPrefix { get; set; }

    /// <summary>
    /// The most entries the in-memory store holds; a new key beyond it evicts expired entries, then the entries written
    /// longest ago. Not used by Redis (configure its <c>maxmemory</c> policy). Default: 100,000.
    /// </summary>
    public int MaxEntries { get; set; } = 100_000;

    /// <summary>
    /// How often, at most, an unreachable store (or an unreadable value) is logged; the failures in between are counted
    /// and reported with the next line. Default: 30 seconds.
    /// </summary>
    public TimeSpan FailureLogInterval { get; set; } = TimeSpan.FromSeconds(30);
}
