using BaaS.Redis;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace BaaS.Redis.Tests.Caching;

/// <summary>Several app instances on one Redis share the cache; apps with other prefixes do not see it.</summary>
public sealed class RedisNodesTests
{
    [Fact]
    public async Task Two_app_instances_on_one_Redis_see_each_others_writes()
    {
        var app = $"nodes-{Guid.NewGuid():N}";
        var redis = RedisTestService.Instance.ConnectionString;
        await using var node1 = await CacheNodes.StartAsync(redis, app);
        await using var node2 = await CacheNodes.StartAsync(redis, app);
        var client1 = node1.CreateClient();
        var client2 = node2.CreateClient();

        await client1.PostAsync(new PutCacheValue { Key = "greeting", Value = "written on node 1" });
        Assert.Equal("written on node 1", (await client2.GetAsync(new GetCacheValue { Key = "greeting" })).Value);

        Assert.True((await client2.PostAsync(new AddCacheValue { Key = "lock", Value = "node 2" })).Added);
        Assert.False((await client1.PostAsync(new AddCacheValue { Key = "lock", Value = "node 1" })).Added);

        Assert.Equal(1, (await client1.PostAsync(new CountCacheHit { Key = "hits" })).Count);
        Assert.Equal(2, (await client2.PostAsync(new CountCacheHit { Key = "hits" })).Count);
        Assert.Equal(3, (await client1.PostAsync(new CountCacheHit { Key = "hits" })).Count);

        Assert.True((await client2.PostAsync(new RemoveCacheValue { Key = "greeting" })).Found);
        Assert.False((await client1.GetAsync(new GetCacheValue { Key = "greeting" })).Found);

        // The default prefix is the service name: the key in Redis is "<ServiceName>:hits".
        var db = await node1.Services.GetRequiredService<RedisConnection>().GetDatabaseAsync();
        Assert.Equal("3", (string?)await db.StringGetAsync($"{app}:hits"));
        await node1.Services.GetRequiredService<ICache>().RemoveByPrefixAsync("");
        Assert.False(await db.KeyExistsAsync($"{app}:hits"));
    }

    [Fact]
    public async Task Apps_with_other_key_prefixes_do_not_see_each_others_keys()
    {
        var redis = CacheFactory.Redis(RedisTestService.Instance.ConnectionString);
        await using var shop = new CacheFactory(redis);
        await using var blog = new CacheFactory(redis);
        await shop.Cache.SetAsync("home", "shop's");
        await blog.Cache.SetAsync("home", "blog's");

        Assert.Equal("shop's", (await shop.Cache.GetAsync<string>("home")).Value);
        Assert.Equal("blog's", (await blog.Cache.GetAsync<string>("home")).Value);
        Assert.Equal(1, await shop.Cache.RemoveByPrefixAsync(""));
        Assert.Equal("blog's", (await blog.Cache.GetAsync<string>("home")).Value);

        // What Redis holds is the wire JSON under prefix + key.
        var db = await blog.Services.GetRequiredService<RedisConnection>().GetDatabaseAsync();
        Assert.Equal("\"blog's\"", (string?)await db.StringGetAsync(new RedisKey(blog.KeyPrefix + "home")));
    }
}
