using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BaaS.ResponseCaching;

/// <summary>
/// The response cache's versions, on <see cref="ICache"/> so every node sees the same ones. Each invalidation tag (a data
/// model, a request DTO) has a version number under <c>resp:v:{tag}</c>; the versions of an operation's tags are part of
/// every key of its answers, so bumping a version makes every answer built from that tag unreachable at once, on every
/// node, without finding or deleting them (the old entries expire by their duration).
/// </summary>
/// <remarks>
/// A version starts at a random 52-bit number, set-if-absent, whenever its key is missing (never written, expired, or
/// evicted by the in-memory store), so a version number is never used twice for a tag and an answer cached under an old
/// one can never be reached again. A bump seeds the key the same way, then increments it: two atomic calls.
/// </remarks>
internal sealed class ResponseCache(ICache cache, IOptions<ResponseCacheOptions> options, ILogger<ResponseCache> logger) : IResponseCache
{
    private const string VersionPrefix = "resp:v:";
    private readonly ConcurrentDictionary<string, byte> _pending = new(StringComparer.Ordinal);

    public async ValueTask<bool> InvalidateAsync(Type type, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(type);
        await RetryPendingAsync(cancellationToken).ConfigureAwait(false);
        var tag = ResponseCachePolicy.TagOf(type);
        try
        {
            await BumpAsync(tag, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (CacheUnavailableException e)
        {
            if (_pending.TryAdd(tag, 0)) ResponseCacheLog.InvalidationDeferred(logger, tag, e);
            return false;
        }
    }

    /// <summary>The current versions of <paramref name="tags"/>, joined; null when the cache cannot be reached (answer fresh).</summary>
    public async ValueTask<string?> VersionsAsync(IReadOnlyList<string> tags, CancellationToken cancellationToken)
    {
        var versions = new StringBuilder();
        foreach (var tag in tags)
        {
            if (await VersionAsync(tag, cancellationToken).ConfigureAwait(false) is not { } version) return null;
            versions.Append(version.ToString(CultureInfo.InvariantCulture)).Append('.');
        }
        return versions.ToString();
    }

    /// <summary>Bumps the tags whose invalidation met an unreachable cache; nothing to do (and no call) when there are none.</summary>
    public async ValueTask RetryPendingAsync(CancellationToken cancellationToken)
    {
        if (_pending.IsEmpty) return;
        foreach (var tag in _pending.Keys)
        {
            try
            {
                await BumpAsync(tag, cancellationToken).ConfigureAwait(false);
            }
            catch (CacheUnavailableException)
            {
                return; // still unreachable: kept for the next call
            }
            if (_pending.TryRemove(tag, out _)) ResponseCacheLog.InvalidationRetried(logger, tag);
        }
    }

    private async ValueTask<long?> VersionAsync(string tag, CancellationToken cancellationToken)
    {
        var key = VersionPrefix + tag;
        var current = await cache.GetAsync<long>(key, cancellationToken).ConfigureAwait(false);
        if (current.HasValue) return current.Value;
        try
        {
            var seed = NewVersion();
            if (await cache.AddAsync(key, seed, options.Value.VersionLifetime, cancellationToken).ConfigureAwait(false)) return seed;
        }
        catch (CacheUnavailableException)
        {
            return null;
        }
        // Another call seeded it first: read its number.
        current = await cache.GetAsync<long>(key, cancellationToken).ConfigureAwait(false);
        return current.HasValue ? current.Value : null;
    }

    // Seeded first, so a missing key never restarts at a number an earlier version already used.
    private async ValueTask BumpAsync(string tag, CancellationToken cancellationToken)
    {
        var key = VersionPrefix + tag;
        await cache.AddAsync(key, NewVersion(), options.Value.VersionLifetime, cancellationToken).ConfigureAwait(false);
        await cache.IncrementAsync(key, 1, options.Value.VersionLifetime, cancellationToken).ConfigureAwait(false);
    }

    private static long NewVersion() => Random.Shared.NextInt64(1, 1L << 52);
}
