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

    public async ValueTask InvokeAsync(OperationContext context, OperationFilterDelegate next)
    {
        await next(context).ConfigureAwait(false);
        if (context.HttpContext.Features.Get<FileScope>() is not { } scope) return;
        context.HttpContext.Features.Set<FileScope>(null);
        var files = context.Services.GetRequiredService<FileService>();
        await scope.SettleAsync(files, context.Exception is not null || context.RolledBack).ConfigureAwait(false);
    }
}
