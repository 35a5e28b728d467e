using BaaS;
using BaaS.Data;
using BaaS.Jobs;
using MyApp.ServiceModel;
using Microsoft.Extensions.Logging;

namespace MyApp.ServiceInterface.Jobs;

/// <summary>
/// The recurring sweep: orders still Placed (no restaurant accepted them) after <see cref="CloseStaleOrders.OlderThanMinutes"/>
/// are cancelled and their stock goes back on the menu. MyApp takes no payments yet, so "placed and never accepted" is
/// what an unpaid, stale order is. Answers how many orders it closed.
/// </summary>
public sealed partial class CloseStaleOrdersCommand(IDbConnectionFactory dbFactory, TimeProvider clock, IJobContext job, IResponseCache responseCache,
    OrderEvents events, ILogger<CloseStaleOrdersCommand> logger)
    : IAsyncCommand<CloseStaleOrders, int>
{
    public async Task<int> ExecuteAsync(CloseStaleOrders arg, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var cutoff = now.AddMinutes(-arg.OlderThanMinutes);
        await using var db = await dbFactory.OpenAsync(cancellationToken);
        var stale = await db.SelectAsync<Order>(o => o.Status == OrderStatus.Placed && o.PlacedAt < cutoff, cancellationToken);
        var closed = 0;
        foreach (var order in stale)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // Only if it is still Placed: a restaurant accepting it meanwhile wins. Stock goes back the way every
            // cancellation puts it back.
            if (!await OrderCancellation.CancelAsync(db, order.Id, OrderStatus.Placed, $"Not accepted within {arg.OlderThanMinutes} minutes.", now, cancellationToken))
                continue;
            closed++;
            var reason = $"Not accepted within {arg.OlderThanMinutes} minutes.";
            order.Status = OrderStatus.Cancelled;
            await events.MovedAsync(order, OrderStatus.Placed, reason, now, restaurant: null, cancellationToken);
            job.ReportProgress((double)closed / stale.Count, $"closed {closed} of {stale.Count}");
        }
        job.Log($"Closed {closed} order(s) placed before {cutoff:u} and never accepted");
        if (closed > 0)
        {
            // Each cancellation has committed: drop the cached menus that showed the stock it put back.
            await responseCache.InvalidateAsync<MenuItem>(cancellationToken);
            LogClosed(logger, closed, arg.OlderThanMinutes);
        }
        return closed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Closed {Count} order(s) nobody accepted within {Minutes} minutes")]
    private static partial void LogClosed(ILogger logger, int count, int minutes);
}
