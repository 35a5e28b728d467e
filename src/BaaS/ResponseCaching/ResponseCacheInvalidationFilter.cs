using System.Collections.Concurrent;
using System.Reflection;
using BaaS.AutoQuery;

namespace BaaS.ResponseCaching;

/// <summary>
/// After an AutoQuery create, update, patch, save or delete (soft deletes included), or a call of an operation marked
/// <see cref="InvalidateResponsesAttribute"/>, drops the cached answers built from its models on every node. It runs
/// outside the batch transaction and <c>Idempotency-Key</c> handling, so the write has committed when it bumps the
/// version: a query that runs after the bump reads the new rows. Refusals (4xx) wrote nothing and drop nothing; a 5xx
/// may follow a partial write, so it drops too. Only models some cached operation reads are bumped: a write to a model
/// no <see cref="CacheResponseAttribute"/> answer is built from costs no call to the cache.
/// </summary>
internal sealed class ResponseCacheInvalidationFilter(ResponseCache cache, Func<OperationCatalog> catalog) : IOperationFilter
{
    private readonly ConcurrentDictionary<Operation, Type[]> _models = new();

    /// <summary>
    /// Each operation's models that cached answers depend on, worked out on its first call (the catalog is complete by
    /// then; it is still being built while <see cref="AppliesTo"/> runs).
    /// </summary>
    private readonly ConcurrentDictionary<Operation, Type[]> _cachedModels = new();

    private readonly Lazy<HashSet<string>> _cachedTags = new(() =>
        [.. catalog().Operations.Select(ResponseCachePolicy.Of).OfType<ResponseCachePolicy>().SelectMany(p => p.Tags)]);

    public int Order => FilterOrder.ResponseCacheInvalidation;

    public bool RunsBeforeBinding => true;

    public bool AppliesTo(Operation operation)
    {
        var models = new List<Type>();
        if (AutoQueryTypes.CrudTypesOf(operation.RequestType) is { } crud) models.Add(crud.Model);
        models.AddRange(operation.RequestType.GetCustomAttribute<InvalidateResponsesAttribute>(true)?.Models ?? []);
        if (models.Count == 0) return false;
        _models[operation] = [.. models.Distinct()];
        return true;
    }

    public async ValueTask InvokeAsync(OperationContext context, OperationFilterDelegate next)
    {
        await next(context).ConfigureAwait(false);
        if (context.StatusCode is >= 400 and < 500) return;
        // Not the request's token: a write that happened must drop its answers even if the caller has gone.
        var models = _cachedModels.GetOrAdd(context.Operation,
            op => [.. _models[op].Where(m => _cachedTags.Value.Contains(ResponseCachePolicy.TagOf(m)))]);
        foreach (var model in models)
            await cache.InvalidateAsync(model, CancellationToken.None).ConfigureAwait(false);
    }
}
