using BaaS.Caching;
using Microsoft.Extensions.DependencyInjection;

namespace BaaS.Redis.Tests.Caching;

/// <summary>What only the in-memory store does: exact expiry on the app's clock and a bounded number of entries.</summary>
public sealed class MemoryCacheStoreTests
{
    [Fact]
    public async Task A_value_lives_exactly_its_time_to_live_on_the_apps_clock()
    {
        var clock = CacheFactory.NewClock();
        await using var factory = new CacheFactory(CacheFactory.Memory(), clock);
        var cache = factory.Cache;
        await cache.SetAsync("key", "v", TimeSpan.FromSeconds(10));

        clock.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(TimeSpan.FromSeconds(7), await cache.TimeToLiveAsync("key"));
        clock.Advance(TimeSpan.FromSeconds(7) - TimeSpan.FromTicks(1));
        Assert.True((await cache.GetAsync<string>("key")).HasValue);
        clock.Advance(TimeSpan.FromTicks(1));
        Assert.False((await cache.GetAsync<string>("key")).HasValue);
    }

    [Fact]
    public async Task A_counter_window_ends_when_it_was_created_plus_its_ttl()
    {
        var clock = CacheFactory.NewClock();
        await using var factory = new CacheFactory(CacheFactory.Memory(), clock);
        var cache = factory.Cache;
        await cache.IncrementAsync("window", 1, TimeSpan.FromMinutes(1));
        clock.Advance(TimeSpan.FromSeconds(50));
        Assert.Equal(2, await cache.IncrementAsync("window", 1, TimeSpan.FromMinutes(1)));
        Assert.Equal(TimeSpan.FromSeconds(10), await cache.TimeToLiveAsync("window"));
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(1, await cache.IncrementAsync("window", 1, TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task A_full_store_evicts_the_entry_written_longest_ago()
    {
        await using var factory = new CacheFactory(new Dictionary<string, string?> { ["BaaS:Cache:MaxEntries"] = "3" }, CacheFactory.NewClock());
        var cache = factory.Cache;
        await cache.SetAsync("a", 1);
        await cache.SetAsync("b", 2);
        await cache.SetAsync("c", 3);
        await cache.SetAsync("d", 4); // a goes
        await cache.SetAsync("b", 22); // b is now the newest write
        await cache.IncrementAsync("e", 1, TimeSpan.FromHours(1)); // c goes

        Assert.Equal(["b", "d", "e"], await LiveKeysAsync(cache, "a", "b", "c", "d", "e"));
        Assert.Equal(3, ((MemoryCacheStore)factory.Services.GetRequiredService<ICacheStore>()).Count);
    }

    [Fact]
    public async Task A_full_store_evicts_expired_entries_before_live_ones()
    {
        var clock = CacheFactory.NewClock();
        await using var factory = new CacheFactory(new Dictionary<string, string?> { ["BaaS:Cache:MaxEntries"] = "3" }, clock);
        var cache = factory.Cache;
        await cache.SetAsync("old", 1);
        await cache.SetAsync("short", 2, TimeSpan.FromMinutes(1));
        await cache.SetAsync("newer", 3);
        clock.Advance(TimeSpan.FromMinutes(2));
        await cache.SetAsync("new", 4); // "short" has expired: it goes, "old" stays

        Assert.Equal(["old", "newer", "new"], await LiveKeysAsync(cache, "old", "short", "newer", "new"));
    }

    [Fact]
    public async Task Rewriting_expiring_keys_does_not_grow_the_store()
    {
        var clock = CacheFactory.NewClock();
        await using var factory = new CacheFactory(CacheFactory.Memory(), clock);
        for (var i = 0; i < 5000; i++) await factory.Cache.SetAsync($"k{i % 10}", i, TimeSpan.FromMinutes(1 + i % 7));
        var store = (MemoryCacheStore)factory.Services.GetRequiredService<ICacheStore>();
        Assert.Equal(10, store.Count);
        clock.Advance(TimeSpan.FromMinutes(8));
        await factory.Cache.SetAsync("after", 1);
        Assert.Equal(1, store.Count);
    }

    private static async Task<List<string>> LiveKeysAsync(ICache cache, params string[] keys)
    {
        var live = new List<string>();
        foreach (var key in keys)
            if ((await cache.GetAsync<int>(key)).HasValue) live.Add(key);
        return live;
    }
}
