using StackExchange.Redis;

namespace BaaS.Redis;

internal sealed partial class RedisCacheStore
{
    // Compare and set in one atomic step (a script runs alone in Redis): ARGV[1] is 1 when a value is expected (ARGV[2]),
    // 0 when the key must be absent; ARGV[3] is the new value, ARGV[4] its time to live in milliseconds. GET answers false
    // for an absent key, which equals no string.
    private const string CompareAndSetScript = """
        local current = redis.call('GET', KEYS[1])
        if ARGV[1] == '1' then
          if current ~= ARGV[2] then return 0 end
        elseif current then
          return 0
        end
        redis.call('SET', KEYS[1], ARGV[3], 'PX', ARGV[4])
        return 1
        """;

    public ValueTask<bool> CompareAndSetAsync(string key, byte[]? expected, byte[] value, TimeSpan ttl, CancellationToken cancellationToken) =>
        RunAsync(async db => (long)await db.ScriptEvaluateAsync(CompareAndSetScript, [key],
            [expected is null ? 0 : 1, expected ?? [], value, (long)Milliseconds(ttl).TotalMilliseconds]).ConfigureAwait(false) == 1, cancellationToken);
}
