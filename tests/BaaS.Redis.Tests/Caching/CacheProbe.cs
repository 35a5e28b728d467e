namespace BaaS.Redis.Tests.Caching;

/// <summary>Stores a string in the cache (<see cref="ICache.SetAsync{T}"/>).</summary>
public class PutCacheValue : IReturn<CacheValueResponse>, IPost
{
    public string Key { get; set; } = "";
    public string? Value { get; set; }
}

/// <summary>Reads a string from the cache (<see cref="ICache.GetAsync{T}"/>).</summary>
public class GetCacheValue : IReturn<CacheValueResponse>, IGet
{
    public string Key { get; set; } = "";
}

/// <summary>Set-if-absent, leaving <see cref="CacheUnavailableException"/> uncaught (it answers 503).</summary>
public class AddCacheValue : IReturn<CacheValueResponse>, IPost
{
    public string Key { get; set; } = "";
    public string? Value { get; set; }
}

/// <summary>Counts in the cache, failing open when the store is unreachable (answers -1 then).</summary>
public class CountCacheHit : IReturn<CacheValueResponse>, IPost
{
    public string Key { get; set; } = "";
}

/// <summary>Removes a key.</summary>
public class RemoveCacheValue : IReturn<CacheValueResponse>, IPost
{
    public string Key { get; set; } = "";
}

public class CacheValueResponse
{
    public bool Found { get; set; }
    public string? Value { get; set; }
    public bool Added { get; set; }
    public long Count { get; set; }
    public ResponseStatus? ResponseStatus { get; set; }
}

/// <summary>The cache through HTTP, for the multi-node and outage tests.</summary>
public class CacheProbeServices(ICache cache) : Service
{
    public async Task<CacheValueResponse> Post(PutCacheValue request)
    {
        await cache.SetAsync(request.Key, request.Value, TimeSpan.FromMinutes(5), CancellationToken);
        return new CacheValueResponse { Found = true, Value = request.Value };
    }

    public async Task<CacheValueResponse> Get(GetCacheValue request)
    {
        var result = await cache.GetAsync<string>(request.Key, CancellationToken);
        return new CacheValueResponse { Found = result.HasValue, Value = result.ValueOr(null) };
    }

    public async Task<CacheValueResponse> Post(AddCacheValue request) =>
        new() { Added = await cache.AddAsync(request.Key, request.Value, TimeSpan.FromMinutes(5), CancellationToken) };

    public async Task<CacheValueResponse> Post(CountCacheHit request)
    {
        try
        {
            return new CacheValueResponse { Count = await cache.IncrementAsync(request.Key, 1, TimeSpan.FromMinutes(5), CancellationToken) };
        }
        catch (CacheUnavailableException)
        {
            return new CacheValueResponse { Count = -1 }; // fail open: the caller's choice
        }
    }

    public async Task<CacheValueResponse> Post(RemoveCacheValue request) =>
        new() { Found = await cache.RemoveAsync(request.Key, CancellationToken) };
}
