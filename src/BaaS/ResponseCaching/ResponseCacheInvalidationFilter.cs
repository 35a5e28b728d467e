using System.Collections.Concurrent;
using System.Reflection;
using BaaS.AutoQuery;

namespace BaaS.ResponseCaching;

/// <summary>
/// After an AutoQuery create, update, patch, save or delete (soft deletes included), or a call of an operation marked
/// <see cref="InvalidateResponsesAttribute"/>, drops the cached answers built from its models on every node. It runs
/// outside the batch transaction and <c>Idempotency-Key</c> handling, so the write has committed when it bumps the
/// version: a query that runs after the bump reads the new rows. Refusals (4xx) wrote nothing and drop nothing; a 5xx
/// may follow a partial write, so it drops too.
/// </summary>
internal sealed class ResponseCacheInvalidationFilter(ResponseCache cache) : IOperationFilter
{
    private readonly ConcurrentDictionary<Operation, Type[]> _models = new();

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
        foreach (var model in _models[context.Operation])
            await cache.InvalidateAsync(model, CancellationToken.None).ConfigureAwait(false);
    }
}
