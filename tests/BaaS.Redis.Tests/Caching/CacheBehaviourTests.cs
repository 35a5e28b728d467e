namespace BaaS.Redis.Tests.Caching;

/// <summary>
/// What <see cref="ICache"/> promises, written once and run per store: in memory (<see cref="MemoryCacheTests"/>) and on
/// a real Redis (<see cref="RedisCacheTests"/>). Each test has a key prefix of its own.
/// </summary>
public abstract partial class CacheBehaviourTests : IAsyncLifetime
{
    private CacheFactory? _factory;

    /// <summary>The settings that choose the store.</summary>
    protected abstract Dictionary<string, string?> Settings { get; }

    /// <summary>A short time to live for expiry tests.</summary>
    protected abstract TimeSpan ShortTtl { get; }

    /// <summary>Lets <paramref name="time"/> pass for the store (a fake clock in memory; real time on Redis).</summary>
    protected abstract Task PassAsync(TimeSpan time);

    /// <summary>The clock the cache runs on (null: the system's).</summary>
    protected virtual TimeProvider? Clock => null;

    protected ICache Cache => _factory!.Cache;

    protected CacheFactory Factory => _factory!;

    public Task InitializeAsync()
    {
        _factory = new CacheFactory(Settings, Clock);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
    }

    [Fact]
    public async Task An_absent_key_is_a_miss_and_a_stored_null_is_a_hit()
    {
        var absent = await Cache.GetAsync<string>("absent");
        Assert.False(absent.HasValue);
        Assert.Throws<InvalidOperationException>(() => absent.Value);

        await Cache.SetAsync<string?>("null", null);
        var stored = await Cache.GetAsync<string>("null");
        Assert.True(stored.HasValue);
        Assert.Null(stored.Value);

        await Cache.SetAsync("zero", 0);
        var zero = await Cache.GetAsync<int>("zero");
        Assert.True(zero.HasValue);
        Assert.Equal(0, zero.Value);
        Assert.False((await Cache.GetAsync<int>("absent")).HasValue);
    }

    [Fact]
    public async Task Typed_values_round_trip_through_the_wire_json()
    {
        var dish = new Dish("Pad Thai", 12345678.9012m, new DateTime(2026, 11, 22, 10, 30, 15, 123, DateTimeKind.Utc).AddTicks(4567),
            new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.FromHours(2)), ["spicy", "noodles"], DishKind.Main, Guid.NewGuid(),
            TimeSpan.FromMinutes(95), null);
        await Cache.SetAsync("dish", dish);
        await Cache.SetAsync("dishes", new List<Dish> { dish, dish with { Name = "Mango", Kind = DishKind.Dessert, Tags = [] } });
        await Cache.SetAsync("price", 0.1m + 0.2m);
        await Cache.SetAsync("date", new DateTime(2026, 2, 28, 23, 59, 59, DateTimeKind.Utc));

        var read = (await Cache.GetAsync<Dish>("dish")).Value!;
        Assert.Equal(dish.Name, read.Name);
        Assert.Equal(dish.Price, read.Price);
        Assert.Equal(dish.AddedUtc, read.AddedUtc);
        Assert.Equal(DateTimeKind.Utc, read.AddedUtc.Kind);
        Assert.Equal(dish.Seen, read.Seen);
        Assert.Equal(dish.Tags, read.Tags);
        Assert.Equal(dish.Kind, read.Kind);
        Assert.Equal(dish.Id, read.Id);
        Assert.Equal(dish.Preparation, read.Preparation);
        Assert.Null(read.Note);

        var list = (await Cache.GetAsync<List<Dish>>("dishes")).Value!;
        Assert.Equal(["Pad Thai", "Mango"], list.Select(d => d.Name));
        Assert.Equal(DishKind.Dessert, list[1].Kind);
        Assert.Empty(list[1].Tags);
        Assert.Equal(0.3m, (await Cache.GetAsync<decimal>("price")).Value);
        Assert.Equal(new DateTime(2026, 2, 28, 23, 59, 59, DateTimeKind.Utc), (await Cache.GetAsync<DateTime>("date")).Value);
    }

    [Fact]
    public async Task A_read_is_a_copy_that_does_not_change_the_cache()
    {
        await Cache.SetAsync("tags", new List<string> { "a" });
        var first = (await Cache.GetAsync<List<string>>("tags")).Value!;
        first.Add("b");
        Assert.Equal(["a"], (await Cache.GetAsync<List<string>>("tags")).Value!);
    }

    [Fact]
    public async Task A_value_expires_after_its_time_to_live_and_others_stay()
    {
        await Cache.SetAsync("short", "soon gone", ShortTtl);
        await Cache.SetAsync("long", "stays", TimeSpan.FromHours(1));
        await Cache.SetAsync("forever", "stays");
        Assert.True((await Cache.GetAsync<string>("short")).HasValue);

        await PassAsync(ShortTtl);

        Assert.False((await Cache.GetAsync<string>("short")).HasValue);
        Assert.Null(await Cache.TimeToLiveAsync("short"));
        Assert.Equal("stays", (await Cache.GetAsync<string>("long")).Value);
        Assert.Equal("stays", (await Cache.GetAsync<string>("forever")).Value);
        Assert.True(await Cache.AddAsync("short", "again", TimeSpan.FromHours(1)), "an expired key is absent for AddAsync");
    }

    [Fact]
    public async Task Set_replaces_the_value_and_its_time_to_live()
    {
        await Cache.SetAsync("key", 1, TimeSpan.FromMinutes(5));
        await Cache.SetAsync("key", 2);
        Assert.Equal(2, (await Cache.GetAsync<int>("key")).Value);
        Assert.Equal(Timeout.InfiniteTimeSpan, await Cache.TimeToLiveAsync("key"));

        await Cache.SetAsync("key", 3, TimeSpan.FromMinutes(5));
        var ttl = await Cache.TimeToLiveAsync("key");
        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value, TimeSpan.FromTicks(1), TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task Time_to_live_tells_absent_from_no_expiry()
    {
        Assert.Null(await Cache.TimeToLiveAsync("absent"));
        await Cache.SetAsync("plain", "x");
        Assert.Equal(Timeout.InfiniteTimeSpan, await Cache.TimeToLiveAsync("plain"));
        await Cache.SetAsync("timed", "x", TimeSpan.FromMinutes(10));
        Assert.InRange((await Cache.TimeToLiveAsync("timed"))!.Value, TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(10));
    }

    [Fact]
    public async Task Add_stores_only_when_the_key_is_absent()
    {
        Assert.True(await Cache.AddAsync("otp", "first", TimeSpan.FromMinutes(10)));
        Assert.False(await Cache.AddAsync("otp", "second", TimeSpan.FromMinutes(10)));
        Assert.Equal("first", (await Cache.GetAsync<string>("otp")).Value);

        Assert.True(await Cache.RemoveAsync("otp"));
        Assert.True(await Cache.AddAsync("otp", "third", TimeSpan.FromMinutes(10)));
        Assert.Equal("third", (await Cache.GetAsync<string>("otp")).Value);
    }

    [Fact]
    public async Task Of_many_concurrent_adds_exactly_one_wins()
    {
        var attempts = Enumerable.Range(0, 64)
            .Select(i => Task.Run(async () => (Index: i, Won: await Cache.AddAsync("lock", i, TimeSpan.FromMinutes(1)))))
            .ToList();
        var results = await Task.WhenAll(attempts);

        var winner = Assert.Single(results, r => r.Won);
        Assert.Equal(winner.Index, (await Cache.GetAsync<int>("lock")).Value);
    }

    [Fact]
    public async Task Concurrent_increments_each_count_once()
    {
        const int n = 200;
        var values = await Task.WhenAll(Enumerable.Range(0, n).Select(_ => Task.Run(async () => await Cache.IncrementAsync("hits", 1, TimeSpan.FromMinutes(1)))));

        Assert.Equal(Enumerable.Range(1, n).Select(i => (long)i), values.Order());
        Assert.Equal(n, (await Cache.GetAsync<long>("hits")).Value);
        Assert.Equal(n + 5, await Cache.IncrementAsync("hits", 5, TimeSpan.FromMinutes(1)));
        Assert.Equal(n - 1, await Cache.IncrementAsync("hits", -6, TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task A_counter_keeps_the_expiry_it_was_created_with()
    {
        Assert.Equal(1, await Cache.IncrementAsync("window", 1, TimeSpan.FromMinutes(10)));
        // A later call's longer ttl does not move the window's end.
        Assert.Equal(2, await Cache.IncrementAsync("window", 1, TimeSpan.FromHours(5)));
        Assert.InRange((await Cache.TimeToLiveAsync("window"))!.Value, TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(10));
    }

    [Fact]
    public async Task Count_answers_the_value_and_the_time_left_in_the_window()
    {
        var first = await Cache.CountAsync("window", 1, TimeSpan.FromMinutes(10));
        Assert.Equal(1, first.Value);
        Assert.InRange(first.TimeToLive, TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(10));
        await PassAsync(TimeSpan.FromSeconds(2));
        var second = await Cache.CountAsync("window", 4, TimeSpan.FromHours(5)); // a later window does not move the end
        Assert.Equal(5, second.Value);
        Assert.InRange(second.TimeToLive, TimeSpan.FromMinutes(9), first.TimeToLive - TimeSpan.FromSeconds(1));
        Assert.Equal(5, (await Cache.GetAsync<long>("window")).Value);
    }

    [Fact]
    public async Task A_counter_starts_again_when_its_window_ends()
    {
        Assert.Equal(1, await Cache.IncrementAsync("window", 1, ShortTtl));
        Assert.Equal(2, await Cache.IncrementAsync("window", 1, ShortTtl));
        await PassAsync(ShortTtl);
        Assert.Equal(1, await Cache.IncrementAsync("window", 1, ShortTtl));
    }

    [Fact]
    public async Task Incrementing_a_value_that_is_not_an_integer_throws()
    {
        await Cache.SetAsync("name", "Thai Palace");
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await Cache.IncrementAsync("name", 1, TimeSpan.FromMinutes(1)));
        Assert.Equal("Thai Palace", (await Cache.GetAsync<string>("name")).Value);

        await Cache.SetAsync("count", 41L);
        Assert.Equal(42, await Cache.IncrementAsync("count", 1, TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task Remove_removes_once()
    {
        await Cache.SetAsync("key", "x");
        Assert.True(await Cache.RemoveAsync("key"));
        Assert.False(await Cache.RemoveAsync("key"));
        Assert.False((await Cache.GetAsync<string>("key")).HasValue);
    }

    [Fact]
    public async Task Remove_by_prefix_removes_exactly_the_matching_keys()
    {
        for (var i = 0; i < 1200; i++) await Cache.SetAsync($"menu:{i}", i);
        await Cache.SetAsync("menus", "not under menu:");
        await Cache.SetAsync("orders:1", 1);
        // Redis SCAN patterns treat * ? [ ] \ specially: a prefix holding them still matches literally.
        await Cache.SetAsync("q:a*b[1]?:1", 1);
        await Cache.SetAsync("q:a*b[1]?:2", 2);
        await Cache.SetAsync("q:aXb1!:3", 3);

        Assert.Equal(1200, await Cache.RemoveByPrefixAsync("menu:"));
        Assert.Equal(2, await Cache.RemoveByPrefixAsync("q:a*b[1]?:"));

        Assert.False((await Cache.GetAsync<int>("menu:0")).HasValue);
        Assert.False((await Cache.GetAsync<int>("menu:1199")).HasValue);
        Assert.True((await Cache.GetAsync<string>("menus")).HasValue);
        Assert.True((await Cache.GetAsync<int>("orders:1")).HasValue);
        Assert.True((await Cache.GetAsync<int>("q:aXb1!:3")).HasValue);
        Assert.Equal(0, await Cache.RemoveByPrefixAsync("menu:"));
    }

    [Fact]
    public async Task GetOrCreate_computes_on_a_miss_and_serves_the_stored_value_after()
    {
        var calls = 0;
        ValueTask<Dish?> Compute(CancellationToken _)
        {
            calls++;
            return ValueTask.FromResult<Dish?>(new Dish($"call {calls}", 1.5m, DateTime.UnixEpoch, null, [], DishKind.Starter, Guid.Empty, TimeSpan.Zero, null));
        }

        Assert.Equal("call 1", (await Cache.GetOrCreateAsync("dish", Compute, TimeSpan.FromMinutes(5)))!.Name);
        Assert.Equal("call 1", (await Cache.GetOrCreateAsync("dish", Compute, TimeSpan.FromMinutes(5)))!.Name);
        Assert.Equal(1, calls);
        Assert.InRange((await Cache.TimeToLiveAsync("dish"))!.Value, TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(5));

        // A computed null is a value too: stored, and not computed again.
        Assert.Null(await Cache.GetOrCreateAsync<string?>("nothing", _ => { calls++; return ValueTask.FromResult<string?>(null); }, TimeSpan.FromMinutes(5)));
        Assert.Null(await Cache.GetOrCreateAsync<string?>("nothing", _ => { calls++; return ValueTask.FromResult<string?>("x"); }, TimeSpan.FromMinutes(5)));
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task GetOrCreate_runs_one_factory_at_a_time_per_key_and_every_caller_gets_its_value()
    {
        const int callers = 16;
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        int running = 0, most = 0, calls = 0;
        async ValueTask<int> Compute(CancellationToken _)
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref most, now);
            var call = Interlocked.Increment(ref calls);
            await gate.Task;
            Interlocked.Decrement(ref running);
            return 1000 + call;
        }

        var missesBefore = Factory.Metrics.Misses;
        var results = Enumerable.Range(0, callers).Select(_ => Task.Run(async () => await Cache.GetOrCreateAsync("slow", Compute, TimeSpan.FromMinutes(5)))).ToList();
        // Every caller has missed (and so waits on the flight, or runs it) before the factory may finish.
        while (Factory.Metrics.Misses - missesBefore < callers) await Task.Delay(5);
        gate.SetResult();
        var values = await Task.WhenAll(results);

        Assert.Equal(1, most);
        Assert.Single(values.Distinct());
        Assert.Equal(values[0], (await Cache.GetAsync<int>("slow")).Value);
    }

    [Fact]
    public async Task GetOrCreate_passes_the_factory_exception_and_stores_nothing()
    {
        var e = await Assert.ThrowsAsync<TimeoutException>(async () =>
            await Cache.GetOrCreateAsync<int>("broken", _ => throw new TimeoutException("upstream"), TimeSpan.FromMinutes(1)));
        Assert.Equal("upstream", e.Message);
        Assert.False((await Cache.GetAsync<int>("broken")).HasValue);
        Assert.Equal(7, await Cache.GetOrCreateAsync("broken", _ => ValueTask.FromResult(7), TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task A_value_read_as_another_type_is_a_miss_not_an_error()
    {
        await Cache.SetAsync("dish", new Dish("x", 1, DateTime.UnixEpoch, null, [], DishKind.Main, Guid.Empty, TimeSpan.Zero, null));
        Assert.False((await Cache.GetAsync<int>("dish")).HasValue);
        Assert.Equal(5, await Cache.GetOrCreateAsync("dish", _ => ValueTask.FromResult(5), TimeSpan.FromMinutes(1)));
        Assert.Equal(5, (await Cache.GetAsync<int>("dish")).Value);
    }

    [Fact]
    public async Task Bad_arguments_are_refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(async () => await Cache.GetAsync<int>(""));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await Cache.SetAsync("k", 1, TimeSpan.Zero));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await Cache.AddAsync("k", 1, TimeSpan.FromSeconds(-1)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await Cache.IncrementAsync("k", 1, TimeSpan.Zero));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await Cache.UpdateAsync<int>("k", _ => 1, TimeSpan.Zero));
        await Assert.ThrowsAsync<ArgumentNullException>(async () => await Cache.UpdateAsync<int>("k", null!, TimeSpan.FromMinutes(1)));
        Assert.False((await Cache.GetAsync<int>("k")).HasValue);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while (value > (seen = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen) { }
    }
}
