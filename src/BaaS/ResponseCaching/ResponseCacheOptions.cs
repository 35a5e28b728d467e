namespace BaaS;

/// <summary>The response cache's settings, bound from <c>BaaS:ResponseCache</c>.</summary>
public sealed class ResponseCacheOptions
{
    /// <summary>The configuration section: <c>BaaS:ResponseCache</c>.</summary>
    public const string SectionName = "BaaS:ResponseCache";

    /// <summary>Answers whose body is larger than this many bytes are answered but not cached. Default: 1 MiB.</summary>
    public int MaxBodySize { get; set; } = 1024 * 1024;

    /// <summary>
    /// How long a model's version number lives in the cache before a new one starts (which drops, once, every cached
    /// answer that reads the model). Must be longer than any <see cref="CacheResponseAttribute.Duration"/>. Default: 1 day.
    /// </summary>
    public TimeSpan VersionLifetime { get; set; } = TimeSpan.FromDays(1);
}
