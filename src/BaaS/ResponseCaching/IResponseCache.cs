namespace BaaS;

/// <summary>
/// Drops cached answers (<see cref="CacheResponseAttribute"/>) on every node. AutoQuery's create, update, patch, save and
/// delete calls do it for their model by themselves; a hand-written service that writes a model calls
/// <see cref="InvalidateAsync(Type, CancellationToken)"/> after its write commits.
/// </summary>
public interface IResponseCache
{
    /// <summary>
    /// Drops every cached answer built from <paramref name="type"/>: a data model (the answers of queries on it, and of
    /// operations that list it in <see cref="CacheResponseAttribute.Models"/>) or a request DTO (that operation's answers).
    /// </summary>
    /// <returns>
    /// True when done; false when the cache cannot be reached: this node then retries before its next cached lookup or
    /// invalidation, and answers already cached elsewhere may stand until then (at most their duration).
    /// </returns>
    ValueTask<bool> InvalidateAsync(Type type, CancellationToken cancellationToken = default);

    /// <summary>Drops every cached answer built from <typeparamref name="T"/> (see <see cref="InvalidateAsync(Type, CancellationToken)"/>).</summary>
    ValueTask<bool> InvalidateAsync<T>(CancellationToken cancellationToken = default) => InvalidateAsync(typeof(T), cancellationToken);
}
