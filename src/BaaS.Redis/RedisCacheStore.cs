using System.Text;
using StackExchange.Redis;

namespace BaaS.Redis;

/// <summary>
/// The cache's store on Redis: one string key per entry, expiry by Redis itself, so every node sees the same values
/// and counters. An unreachable Redis (no connection, a timeout, a server still loading) is a
/// <see cref="CacheUnavailableException"/>.
/// </summary>
internal sealed partial class RedisCacheStore(RedisConnection connection) : ICacheStore
{
    // Increment with a fixed window: the expiry is set only by the call that creates the counter, in the same atomic
    // step as the increment (INCRBY then PEXPIRE could otherwise leave a counter without expiry if the second never ran).
    // Answers the value and the milliseconds left, so a rate limit costs one command.
    private const string IncrementScript = """
        local created = redis.call('EXISTS', KEYS[1]) == 0
        local value = redis.call('INCRBY', KEYS[1], ARGV[1])
        if created then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
        return { value, redis.call('PTTL', KEYS[1]) }
        """;

    private const int ScanPage = 500;

    public string Name => "redis";

    public IReadOnlyDictionary<string, object?> Describe() => new Dictionary<string, object?>();

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) =>
        RunAsync(async db => (byte[]?)await db.StringGetAsync(key).ConfigureAwait(false), cancellationToken);

    public async ValueTask SetAsync(string key, byte[] value, TimeSpan? ttl, CancellationToken cancellationToken) =>
        await RunAsync(db => db.StringSetAsync(key, value, ttl.HasValue ? Milliseconds(ttl.Value) : null, When.Always), cancellationToken).ConfigureAwait(false);

    // SET key value NX PX ttl: one command, atomic in Redis, so no script is needed for set-if-absent.
    public ValueTask<bool> AddAsync(string key, byte[] value, TimeSpan ttl, CancellationToken cancellationToken) =>
        RunAsync(db => db.StringSetAsync(key, value, Milliseconds(ttl), When.NotExists), cancellationToken);

    public ValueTask<bool> RemoveAsync(string key, CancellationToken cancellationToken) =>
        RunAsync(db => db.KeyDeleteAsync(key), cancellationToken);

    public async ValueTask<CacheCounter> IncrementAsync(string key, long by, TimeSpan ttl, CancellationToken cancellationToken)
    {
        try
        {
            return await RunAsync(async db =>
            {
                var answer = (RedisResult[])(await db.ScriptEvaluateAsync(IncrementScript, [key], [by, (long)Milliseconds(ttl).TotalMilliseconds]).ConfigureAwait(false))!;
                // PTTL is -1 only for a key someone set without expiry outside the cache: say the whole window then.
                var left = (long)answer[1];
                return new CacheCounter((long)answer[0], left >= 0 ? TimeSpan.FromMilliseconds(left) : ttl);
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (RedisServerException e)
        {
            // "value is not an integer or out of range", "increment or decrement would overflow"
            throw new InvalidOperationException($"The cache key '{key}' cannot be incremented by {by}: {e.Message}", e);
        }
    }

    public ValueTask<TimeSpan?> TimeToLiveAsync(string key, CancellationToken cancellationToken) =>
        RunAsync(async db =>
        {
            // PTTL: -2 when the key is absent, -1 when it has no expiry, else the milliseconds left.
            var ms = (long)await db.ExecuteAsync("PTTL", (RedisKey)key).ConfigureAwait(false);
            return ms switch
            {
                -2 => (TimeSpan?)null,
                -1 => Timeout.InfiniteTimeSpan,
                _ => TimeSpan.FromMilliseconds(ms),
            };
        }, cancellationToken);

    public ValueTask<long> RemoveByPrefixAsync(string prefix, CancellationToken cancellationToken) =>
        RunAsync(async db =>
        {
            var multiplexer = await connection.GetMultiplexerAsync().ConfigureAwait(false);
            var pattern = EscapeGlob(prefix) + "*";
            long removed = 0;
            foreach (var server in multiplexer.GetServers().Where(s => !s.IsReplica))
            {
                // IServer.KeysAsync walks the key space with SCAN, a page at a time (never KEYS, which blocks the server).
                var page = new List<RedisKey>(ScanPage);
                await foreach (var found in server.KeysAsync(db.Database, pattern, ScanPage).WithCancellation(cancellationToken).ConfigureAwait(false))
                {
                    page.Add(found);
                    if (page.Count < ScanPage) continue;
                    removed += await db.KeyDeleteAsync([.. page]).ConfigureAwait(false);
                    page.Clear();
                }
                if (page.Count > 0) removed += await db.KeyDeleteAsync([.. page]).ConfigureAwait(false);
            }
            return removed;
        }, cancellationToken);

    /// <summary>A prefix as a literal in a SCAN MATCH pattern: <c>*</c>, <c>?</c>, <c>[</c>, <c>]</c> and <c>\</c> escaped.</summary>
    internal static string EscapeGlob(string prefix)
    {
        var pattern = new StringBuilder(prefix.Length + 8);
        foreach (var c in prefix)
        {
            if (c is '*' or '?' or '[' or ']' or '\\') pattern.Append('\\');
            pattern.Append(c);
        }
        return pattern.ToString();
    }

    // Redis expires in whole milliseconds: a positive TTL under one is one, never zero (which Redis refuses).
    private static TimeSpan Milliseconds(TimeSpan ttl) => TimeSpan.FromMilliseconds(Math.Max(1, Math.Ceiling(ttl.TotalMilliseconds)));

    private async ValueTask<T> RunAsync<T>(Func<IDatabase, Task<T>> command, CancellationToken cancellationToken)
    {
        try
        {
            var db = await connection.GetDatabaseAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
            return await command(db).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsUnavailable(e))
        {
            throw new CacheUnavailableException($"Redis cannot be reached: {e.Message}", e);
        }
    }

    private static bool IsUnavailable(Exception e) => e switch
    {
        RedisConnectionException or RedisTimeoutException or ObjectDisposedException => true,
        // A server that is starting, replicating or busy with a script answers, but not with our data.
        RedisServerException s => s.Message.StartsWith("LOADING", StringComparison.Ordinal) || s.Message.StartsWith("MASTERDOWN", StringComparison.Ordinal)
            || s.Message.StartsWith("BUSY", StringComparison.Ordinal) || s.Message.StartsWith("READONLY", StringComparison.Ordinal),
        _ => false,
    };
}
