namespace BaaS.Caching;

internal sealed partial class Cache
{
    public async ValueTask<T> GetOrCreateAsync<T>(string key, Func<CancellationToken, ValueTask<T>> factory, TimeSpan? ttl,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(factory);
        if (ttl is { } t) CheckTtl(t);
        var cached = await GetAsync<T>(key, cancellationToken).ConfigureAwait(false);
        if (cached.HasValue) return cached.Value!;

        var full = Full(key);
        while (true)
        {
            // One flight per key on this node: the first miss runs the factory, later misses wait for its bytes.
            var mine = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);
            var flight = _flights.GetOrAdd(full, mine.Task);
            if (flight != mine.Task)
            {
                try
                {
                    var bytes = await flight.WaitAsync(cancellationToken).ConfigureAwait(false);
                    // A copy, as from the store (and the same value: the bytes the flight stored).
                    if (TryRead(full, bytes, out T? shared)) return shared!;
                    return await factory(cancellationToken).ConfigureAwait(false); // the flight was for another type
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    // The caller that ran the factory gave up; this one has not: run it here (in a flight of its own).
                    _flights.TryRemove(KeyValuePair.Create(full, flight));
                    continue;
                }
            }
            try
            {
                var value = await factory(cancellationToken).ConfigureAwait(false);
                var bytes = Write(value);
                await SetBytesAsync(full, bytes, ttl, cancellationToken).ConfigureAwait(false);
                mine.SetResult(bytes);
                return value;
            }
            catch (OperationCanceledException e)
            {
                mine.SetCanceled(e.CancellationToken);
                throw;
            }
            catch (Exception e)
            {
                mine.SetException(e);
                _ = mine.Task.Exception; // observed: no waiter may be there to see it
                throw;
            }
            finally
            {
                _flights.TryRemove(KeyValuePair.Create(full, mine.Task));
            }
        }
    }
}
