using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BaaS.Redis.Tests.Caching;

/// <summary>
/// A cache built the way an app builds it (<c>AddBaaSRedis(configuration)</c>): on Redis when the settings name it, in
/// memory otherwise, with a key prefix of its own so tests on the shared Redis never meet.
/// </summary>
public sealed class CacheFactory : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    public CacheFactory(IDictionary<string, string?> settings, TimeProvider? clock = null, string? keyPrefix = null)
    {
        KeyPrefix = keyPrefix ?? $"test-{Guid.NewGuid():N}:";
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings)
            .AddInMemoryCollection(new Dictionary<string, string?> { ["BaaS:Cache:KeyPrefix"] = KeyPrefix })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        if (clock is not null) services.AddSingleton(clock);
        services.AddBaaSRedis(configuration);
        _provider = services.BuildServiceProvider();
        Cache = _provider.GetRequiredService<ICache>();
    }

    public string KeyPrefix { get; }

    public ICache Cache { get; }

    public IServiceProvider Services => _provider;

    public CacheMetrics Metrics => _provider.GetRequiredService<CacheMetrics>();

    public static Dictionary<string, string?> Redis(string configuration) => new() { ["ConnectionStrings:Redis"] = configuration };

    public static Dictionary<string, string?> Memory() => [];

    public static FakeTimeProvider NewClock() => new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));

    public async ValueTask DisposeAsync()
    {
        await Cache.RemoveByPrefixAsync("");
        await _provider.DisposeAsync();
    }
}
