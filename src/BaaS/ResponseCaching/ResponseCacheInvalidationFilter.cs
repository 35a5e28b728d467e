using BaaS.AutoQuery;

namespace BaaS.ResponseCaching;

/// <summary>
/// After an AutoQuery create, update, patch, save or delete (soft deletes included), drops the cached answers built from
/// its model on every node. It runs outside the batch transaction and <c>Idempotency-Key</c> handling, so the write has
/// committed when it bumps the version: a query that runs after the bump reads the new rows. Refusals (4xx) wrote
/// nothing and drop nothing; a 5xx may follow a partial write, so it drops too.
/// </summary>
internal sealed class ResponseCacheInvalidationFilter(ResponseCache cache) : IOperationFilter
{
    public int Order => FilterOrder.ResponseCacheInvalidation;

    public bool RunsBeforeBinding => true;

    public bool AppliesTo(Operation operation) => AutoQueryTypes.CrudTypesOf(operation.RequestType) is not null;

    public async ValueTask InvokeAsync(OperationContext context, OperationFilterDelegate next)
    {
        await next(context).ConfigureAwait(false);
        if (context.StatusCode is >= 400 and < 500) return;
        var model = AutoQueryTypes.CrudTypesOf(context.Operation.RequestType)!.Value.Model;
        // Not the request's token: a write that happened must drop its answers even if the caller has gone.
        await cache.InvalidateAsync(model, CancellationToken.None).ConfigureAwait(false);
    }
}
