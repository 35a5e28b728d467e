using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BaaS.ServerEvents;

/// <summary>
/// Publishes what <see cref="PublishEventCollector"/> built, once the whole call (a batch included) succeeded: it runs
/// outside the batch transaction and <c>Idempotency-Key</c> handling, so the writes have committed. A failed call
/// publishes nothing. The write's answer never depends on the bus: a message that cannot be published is logged.
/// </summary>
internal sealed class PublishEventFilter(ILogger<PublishEventFilter> logger) : IOperationFilter
{
    public int Order => FilterOrder.PublishEvents;

    public bool RunsBeforeBinding => true;

    public bool AppliesTo(Operation operation) => PublishEventPlan.For(operation) is not null;

    public async ValueTask InvokeAsync(OperationContext context, OperationFilterDelegate next)
    {
        var features = context.HttpContext.Features;
        var outer = features.Get<PendingServerEvents>();
        var pending = new PendingServerEvents();
        features.Set(pending);
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            features.Set(outer);
        }
        if (context.StatusCode >= 400 || pending.Events.Count == 0) return;
        var events = context.Services.GetRequiredService<IServerEvents>();
        foreach (var (requestType, target, message) in pending.Events)
        {
            try
            {
                // Not the caller's token: the write happened, its event goes out even if the caller has gone.
                await events.NotifyAsync(target, ServerEventSelector.For(message.GetType()), message, null, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e) when (e is ServerEventsUnavailableException or ArgumentException)
            {
                ServerEventsLog.EventNotPublished(logger, requestType, message.GetType().Name, e.Message, e);
            }
        }
    }
}
