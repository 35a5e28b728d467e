namespace BaaS.Redis.Tests.Caching;

/// <summary><see cref="ICache.UpdateAsync{T}"/>: read-modify-write that loses no update, on each store.</summary>
public abstract partial class CacheBehaviourTests
{
    [Fact]
    public async Task Update_changes_the_value_there_now_and_sets_its_time_to_live()
    {
        var first = await Cache.UpdateAsync<List<string>>("tags", current =>
        {
            Assert.False(current.HasValue);
            Assert.False(current.StoreUnavailable);
            return ["spicy"];
        }, TimeSpan.FromMinutes(10));
        Assert.Equal(["spicy"], first);

        var second = await Cache.UpdateAsync<List<string>>("tags", current => [.. current.Value!, "noodles"], TimeSpan.FromHours(1));
        Assert.Equal(["spicy", "noodles"], second);
        Assert.Equal(["spicy", "noodles"], (await Cache.GetAsync<List<string>>("tags")).Value);
        Assert.InRange((await Cache.TimeToLiveAsync("tags"))!.Value, TimeSpan.FromMinutes(59), TimeSpan.FromHours(1));

        // A value that cannot be read as the type asked is given to the update as a miss, and replaced.
        await Cache.SetAsync("count", "not a number");
        Assert.Equal(1, await Cache.UpdateAsync<int>("count", current => current.HasValue ? current.Value + 1 : 1, TimeSpan.FromMinutes(1)));
        Assert.Equal(2, await Cache.UpdateAsync<int>("count", current => current.HasValue ? current.Value + 1 : 1, TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task An_updated_value_expires_after_its_time_to_live()
    {
        await Cache.UpdateAsync<string>("short", _ => "x", ShortTtl);
        await PassAsync(ShortTtl);
        Assert.Equal("fresh", await Cache.UpdateAsync<string>("short", current => current.HasValue ? "stale" : "fresh", TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task Of_many_concurrent_updates_none_is_lost()
    {
        const int n = 48;
        var stored = await Task.WhenAll(Enumerable.Range(0, n).Select(i => Task.Run(async () =>
            await Cache.UpdateAsync<List<int>>("seen", current => [.. current.ValueOr([])!, i], TimeSpan.FromMinutes(1)))));

        Assert.Equal(Enumerable.Range(0, n), (await Cache.GetAsync<List<int>>("seen")).Value!.Order());
        // Each update stored the value its own function computed, on top of the updates stored before it.
        Assert.Equal(Enumerable.Range(1, n), stored.Select(s => s.Count).Order());
    }

    [Fact]
    public async Task An_update_that_loses_every_race_stores_nothing_and_says_so()
    {
        var runs = 0;
        var e = await Assert.ThrowsAsync<InvalidOperationException>(async () => await Cache.UpdateAsync<int>("contended", _ =>
        {
            runs++;
            // Another writer changes the key between this update's read and its write, every time.
            Cache.SetAsync("contended", -runs).AsTask().GetAwaiter().GetResult();
            return 1000;
        }, TimeSpan.FromMinutes(1)));

        Assert.Contains("contended", e.Message, StringComparison.Ordinal);
        Assert.Equal(global::BaaS.Caching.Cache.MaxUpdateAttempts, runs);
        Assert.Equal(-runs, (await Cache.GetAsync<int>("contended")).Value);
    }
}
