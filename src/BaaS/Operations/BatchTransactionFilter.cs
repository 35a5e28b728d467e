using BaaS.Data;
using Microsoft.Extensions.DependencyInjection;

namespace BaaS;

/// <summary>
/// Makes a batch of CRUD requests (<c>POST /api/CreateX[]</c>) all or nothing: one connection and transaction that
/// every request of the batch joins through <see cref="RequestDb"/>, committed when all succeeded and rolled back at the
/// first failure. Other calls of the same operations pass straight through.
/// </summary>
internal sealed class BatchTransactionFilter : IOperationFilter
{
    public int Order => FilterOrder.BatchTransaction;

    public bool RunsBeforeBinding => true;

    public bool AppliesTo(Operation operation) => typeof(ICrud).IsAssignableFrom(operation.RequestType);

    public ValueTask InvokeAsync(OperationContext context, OperationFilterDelegate next) =>
        context.Kind == OperationKind.Batch ? InTransactionAsync(context, next) : next(context);

    private static async ValueTask InTransactionAsync(OperationContext context, OperationFilterDelegate next)
    {
        var cancellation = context.RequestAborted;
        var db = await context.Services.GetRequiredService<IDbConnectionFactory>().OpenAsync(cancellation).ConfigureAwait(false);
        try
        {
            await using var transaction = await db.OpenTransactionAsync(cancellation).ConfigureAwait(false);
            context.HttpContext.Features.Set(new RequestDb(db));
            await next(context).ConfigureAwait(false);
            if (context.Exception is not null)
            {
                context.RolledBack = true; // disposing the transaction rolls it back
                return;
            }
            try
            {
                await transaction.CommitAsync(cancellation).ConfigureAwait(false);
            }
            catch
            {
                context.RolledBack = true;
                throw;
            }
        }
        finally
        {
            context.HttpContext.Features.Set<RequestDb>(null);
            await db.DisposeAsync().ConfigureAwait(false);
        }
    }
}
