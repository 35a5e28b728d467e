namespace BaaS.Caching;

internal sealed partial class Cache
{
    /// <summary>How many races <see cref="UpdateAsync{T}"/> loses in a row before it gives up.</summary>
    internal const int MaxUpdateAttempts = 64;

    public async ValueTask<T> UpdateAsync<T>(string key, Func<CacheResult<T>, T> update, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        var full = Full(key);
        CheckTtl(ttl);
        try
        {
            for (var attempt = 0; attempt < MaxUpdateAttempts; attempt++)
            {
                // Read, compute, and write only if the bytes read are still there: a writer in between makes this loop
                // read its value and compute again, so no update is lost (the store compares in one atomic step).
                var stored = await _store.GetAsync(full, cancellationToken).ConfigureAwait(false);
                var current = stored is not null && TryRead(full, stored, out T? read) ? CacheResult<T>.Hit(read) : CacheResult<T>.Miss;
                var next = update(current);
                if (await _store.CompareAndSetAsync(full, stored, Write(next), ttl, cancellationToken).ConfigureAwait(false))
                {
                    Up();
                    return next;
                }
            }
        }
        catch (CacheUnavailableException e)
        {
            Down(nameof(UpdateAsync), e);
            throw;
        }
        throw new InvalidOperationException(
            $"The cache key '{key}' was changed by other writers between every read and write of {MaxUpdateAttempts} updates in a row: nothing was stored.");
    }
}
