using Microsoft.Extensions.DependencyInjection;

namespace BaaS.Files;

/// <summary>
/// Settles the <see cref="FileScope"/> of every call when it ends, outside the batch transaction and the idempotency
/// filter, so it sees the final outcome: after a rollback or a failure the files the call stored are removed; after a
/// success the files it replaced are. Calls that touch no file pay one feature lookup.
/// </summary>
internal sealed class FilesFilter : IOperationFilter
{
    /// <summary>Just outside the batch transaction (<see cref="FilterOrder.BatchTransaction"/>).</summary>
    public int Order => FilterOrder.BatchTransaction - 100;

    public bool RunsBeforeBinding => true;

    public bool AppliesTo(Operation operation) => true;

    public ValueTask InvokeAsync(OperationContext context, OperationFilterDelegate next)
    {
        var pending = next(context);
        if (!pending.IsCompletedSuccessfully) return Awaited(context, pending);
        pending.GetAwaiter().GetResult(); // never throws: a failure is on the context
        return context.HttpContext.Features.Get<FileScope>() is null ? default : SettleAsync(context);

        // Pooled state machines: every operation of an app with files runs through here.
        [System.Runtime.CompilerServices.AsyncMethodBuilder(typeof(System.Runtime.CompilerServices.PoolingAsyncValueTaskMethodBuilder))]
        static async ValueTask Awaited(OperationContext context, ValueTask pending)
        {
            await pending.ConfigureAwait(false);
            if (context.HttpContext.Features.Get<FileScope>() is not null) await SettleAsync(context).ConfigureAwait(false);
        }
    }

    private static async ValueTask SettleAsync(OperationContext context)
    {
        var scope = context.HttpContext.Features.Get<FileScope>()!;
        context.HttpContext.Features.Set<FileScope>(null);
        var files = context.Services.GetRequiredService<FileService>();
        await scope.SettleAsync(files, context.Exception is not null || context.RolledBack).ConfigureAwait(false);
    }
}
