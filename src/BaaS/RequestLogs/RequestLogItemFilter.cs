namespace BaaS.RequestLogs;

/// <summary>
/// Records each request of a batch (<c>Kind = BatchItem</c>, its position in <c>BatchIndex</c>), outermost among the
/// filters that run after binding, as the request completes. Other calls pass straight through.
/// </summary>
internal sealed class RequestLogItemFilter(RequestLogFilter calls, RequestLogQueue queue, RequestLogsOptions options, RequestBodyRedactor redactor,
    TimeProvider clock) : IOperationFilter
{
    public int Order => FilterOrder.Observe;

    public bool RunsBeforeBinding => false;

    public bool AppliesTo(Operation operation) => calls.AppliesTo(operation);

    public ValueTask InvokeAsync(OperationContext context, OperationFilterDelegate next) =>
        context.Kind == OperationKind.Batch ? RecordAsync(context, next) : next(context);

    private async ValueTask RecordAsync(OperationContext context, OperationFilterDelegate next)
    {
        var started = clock.GetUtcNow().UtcDateTime;
        var before = context.Elapsed;
        var index = (context.BodyState as Routing.BatchProgress)?.Completed;
        await next(context).ConfigureAwait(false);
        var entry = calls.NewEntry(context, started, (context.Elapsed - before).TotalMilliseconds, options.IncludeBodies ? redactor : null);
        entry.Kind = "BatchItem";
        entry.BatchIndex = index;
        entry.Path = context.HttpContext.Request.Path.Value ?? "";
        entry.ClientIp = context.HttpContext.Connection.RemoteIpAddress;
        queue.Add(entry);
    }
}
