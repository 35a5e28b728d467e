using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BaaS.Redis.Tests.Caching;

/// <summary>What the example ranks: counts its calls, as a slow query would cost.</summary>
public sealed class DishRanking
{
    private int _calls;

    public int Calls => _calls;

    public Task<List<string>> TopAsync(int restaurantId, int count, CancellationToken cancellationToken)
    {
        var call = Interlocked.Increment(ref _calls);
        return Task.FromResult(Enumerable.Range(1, count).Select(i => $"dish {i} of restaurant {restaurantId} (ranking {call})").ToList());
    }
}

#region snippet:cache-computed-value
public class GetPopularDishes : IReturn<PopularDishesResponse>, IGet
{
    public int RestaurantId { get; set; }
}

public class PopularDishesResponse
{
    public List<string> Dishes { get; set; } = [];
    public DateTime ComputedAt { get; set; }
}

/// <summary>The ranking is costly and may be 5 minutes old: computed once per restaurant per 5 minutes, on any node.</summary>
public class PopularDishesServices(ICache cache, DishRanking ranking, TimeProvider clock) : Service
{
    public async Task<PopularDishesResponse> Get(GetPopularDishes request) =>
        await cache.GetOrCreateAsync($"popular-dishes:{request.RestaurantId}", async ct => new PopularDishesResponse
        {
            Dishes = await ranking.TopAsync(request.RestaurantId, 3, ct),
            ComputedAt = clock.GetUtcNow().UtcDateTime,
        }, TimeSpan.FromMinutes(5), CancellationToken);
}
#endregion

/// <summary>Runs the example of docs/caching.md.</summary>
public sealed class CacheDocExampleTests
{
    [Fact]
    public async Task The_docs_example_computes_once_per_time_to_live()
    {
        var clock = CacheFactory.NewClock();
        var ranking = new DishRanking();
        await using var server = await TestServer.StartAsync([typeof(PopularDishesServices)], o => o.ConfigureServices = services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            services.AddSingleton(ranking);
            services.AddBaaSCache();
        });
        var client = server.CreateClient();

        var first = await client.GetAsync(new GetPopularDishes { RestaurantId = 7 });
        clock.Advance(TimeSpan.FromMinutes(4));
        var second = await client.GetAsync(new GetPopularDishes { RestaurantId = 7 });
        Assert.Equal(first.Dishes, second.Dishes);
        Assert.Equal(first.ComputedAt, second.ComputedAt);
        Assert.Equal(1, ranking.Calls);

        await client.GetAsync(new GetPopularDishes { RestaurantId = 8 });
        Assert.Equal(2, ranking.Calls);

        clock.Advance(TimeSpan.FromMinutes(1));
        var third = await client.GetAsync(new GetPopularDishes { RestaurantId = 7 });
        Assert.Equal(3, ranking.Calls);
        Assert.Equal(clock.GetUtcNow().UtcDateTime, third.ComputedAt);
        Assert.Contains("(ranking 3)", third.Dishes[0], StringComparison.Ordinal);
    }
}
