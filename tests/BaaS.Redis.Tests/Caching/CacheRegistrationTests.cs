using System.Text.Json;
using BaaS.Redis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace BaaS.Redis.Tests.Caching;

/// <summary>Configuration alone chooses the store; the metadata and the health checks say which.</summary>
public sealed class CacheRegistrationTests
{
    [Fact]
    public async Task Without_a_Redis_connection_string_the_cache_is_in_memory()
    {
        await using var server = await CacheNodes.StartAsync(redis: null, "Shop");
        Assert.Equal("memory", server.Services.GetRequiredService<ICacheStore>().Name);
        Assert.Equal("Shop:", ((BaaS.Caching.Cache)server.Services.GetRequiredService<ICache>()).Prefix);
        Assert.Null(server.Services.GetService<RedisConnection>());
        var checks = server.Services.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations;
        Assert.DoesNotContain(checks, c => c.Name == "redis");

        var cache = await PluginAsync(server);
        Assert.Equal("memory", cache.GetProperty("store").GetString());
        Assert.Equal(100_000, cache.GetProperty("maxEntries").GetInt32());
    }

    [Fact]
    public async Task With_a_Redis_connection_string_the_cache_is_on_Redis_with_a_ready_health_check()
    {
        await using var server = await CacheNodes.StartAsync(RedisTestService.Instance.ConnectionString, $"shop-{Guid.NewGuid():N}");
        Assert.Equal("redis", server.Services.GetRequiredService<ICacheStore>().Name);
        var check = Assert.Single(server.Services.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations, c => c.Name == "redis");
        Assert.Contains("ready", check.Tags);

        var cache = await PluginAsync(server);
        Assert.Equal("redis", cache.GetProperty("store").GetString());
        Assert.False(cache.TryGetProperty("maxEntries", out _));
        Assert.DoesNotContain("127.0.0.1", cache.GetRawText(), StringComparison.Ordinal);

        var health = await server.Http.GetAsync("/health/ready");
        Assert.Equal(200, (int)health.StatusCode);
    }

    [Fact]
    public async Task Redis_wins_whichever_of_AddBaaSCache_and_AddBaaSRedis_comes_first_and_twice_changes_nothing()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(CacheFactory.Redis("127.0.0.1:1")).Build();
        foreach (var cacheFirst in new[] { true, false })
        {
            var services = new ServiceCollection().AddLogging();
            if (cacheFirst) services.AddBaaSCache();
            services.AddBaaSRedis(configuration);
            services.AddBaaSRedis(configuration);
            services.AddBaaSCache();
            await using var provider = services.BuildServiceProvider();
            Assert.Equal("redis", provider.GetRequiredService<ICacheStore>().Name);
            Assert.Single(provider.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations, c => c.Name == "redis");
        }
    }

    [Theory]
    [InlineData("127.0.0.1:6379,bogusOption=1")]
    [InlineData(",")]
    public void A_connection_string_that_cannot_work_fails_at_startup_naming_the_setting(string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(CacheFactory.Redis(value)).Build();
        var e = Assert.Throws<ConfigurationException>(() => new ServiceCollection().AddBaaSRedis(configuration));
        Assert.Contains("ConnectionStrings:Redis", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_max_entry_count_below_one_fails_startup_naming_the_setting()
    {
        var e = await Assert.ThrowsAnyAsync<Exception>(() => CacheNodes.StartAsync(null, "Shop", new() { ["BaaS:Cache:MaxEntries"] = "0" }));
        Assert.Contains("BaaS:Cache:MaxEntries", e.ToString(), StringComparison.Ordinal);
    }

    private static async Task<JsonElement> PluginAsync(TestServer server)
    {
        using var metadata = JsonDocument.Parse(await server.Http.GetStringAsync("/metadata/app.json"));
        return metadata.RootElement.GetProperty("plugins").GetProperty("cache").Clone();
    }
}
