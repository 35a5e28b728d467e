using Microsoft.Extensions.Logging;

namespace BaaS.ServerEvents;

/// <summary>
/// Builds the events of one AutoQuery write's <see cref="PublishEventAttribute"/>s from the written row, read on the
/// request's connection (inside its transaction, so it sees the write; a delete reads the row before it), and hands
/// them to the call's <see cref="PendingServerEvents"/>, which <see cref="PublishEventFilter"/> publishes after commit.
/// </summary>
internal sealed class PublishEventCollector(ILogger<PublishEventCollector> logger) : IOperationFilter
{
    private readonly Dictionary<Operation, PublishEventPlan> _plans = [];

    // Just around the service: after validation, so a refused write builds nothing.
    public int Order => FilterOrder.Validation + 10;

    public bool RunsBeforeBinding => false;

    public bool AppliesTo(Operation operation)
    {
        if (PublishEventPlan.For(operation) is not { } plan) return false;
        lock (_plans) _plans[operation] = plan;
        return true;
    }

    public async ValueTask InvokeAsync(OperationContext context, OperationFilterDelegate next)
    {
        PublishEventPlan plan;
        lock (_plans) plan = _plans[context.Operation];
        var request = context.Request!;
        object? before = null;
        if (plan.Kind == AutoQuery.CrudKind.Delete && plan.RequestKey(request) is { } key)
            before = await LoadAsync(context, plan, key).ConfigureAwait(false);

        await next(context).ConfigureAwait(false);
        if (context.Exception is not null || context.StatusCode >= 400) return;
        if (context.HttpContext.Features.Get<PendingServerEvents>() is not { } pending) return;

        var row = plan.Kind == AutoQuery.CrudKind.Delete ? before ?? request : await WrittenRowAsync(context, plan, request).ConfigureAwait(false);
        if (row is null) return;
        foreach (var spec in plan.Events)
        {
            var target = spec.Channel?.Fill(row) is { } channel ? ServerEventTarget.Channel(channel)
                : spec.User?.Fill(row) is { } user ? ServerEventTarget.User(user)
                : (ServerEventTarget?)null;
            if (target is null)
            {
                ServerEventsLog.EventNotPublished(logger, context.Operation.Name, spec.EventType.Name,
                    $"'{(spec.Channel ?? spec.User)!.Text}' has a null value in the row", null);
                continue;
            }
            pending.Add(new PendingServerEvents.Pending(context.Operation.Name, target.Value, PublishEventPlan.Build(spec.EventType, row)));
        }
    }

    // The row as written: the response when it is the row, else read by the id the write answered (or the request's key).
    private static async Task<object?> WrittenRowAsync(OperationContext context, PublishEventPlan plan, object request)
    {
        if (context.Response is { } response && response.GetType() == plan.Model) return response;
        object? id = context.Response is IdResponse { Id: { Length: > 0 } answered } ? answered : plan.RequestKey(request);
        return id is null ? null : await LoadAsync(context, plan, id).ConfigureAwait(false);
    }

    private static async Task<object?> LoadAsync(OperationContext context, PublishEventPlan plan, object id)
    {
        var (db, owned) = await RequestDb.OpenAsync(context.HttpContext).ConfigureAwait(false);
        try
        {
            return await plan.LoadAsync(db, id, context.RequestAborted).ConfigureAwait(false);
        }
        finally
        {
            if (owned) await db.DisposeAsync().ConfigureAwait(false);
        }
    }
}
