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
public sealed partial class CloseStaleOrdersCommand(IDbConnectionFactory dbFactory, TimeProvider clock, IJobContext job, ILogger<CloseStaleOrdersCommand> logger)
    : IAsyncCommand<CloseStaleOrders, int>
{
    public async Task<int> ExecuteAsync(CloseStaleOrders arg, CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime.AddMinutes(-arg.OlderThanMinutes);
        await using var db = await dbFactory.OpenAsync(cancellationToken);
        var stale = await db.SelectAsync<Order>(o => o.Status == OrderStatus.Placed && o.PlacedAt < cutoff, cancellationToken);
        var closed = 0;
        foreach (var order in stale)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await using var transaction = await db.OpenTransactionAsync(cancellationToken);
            // Only if it is still Placed: a restaurant accepting it meanwhile wins.
            var cancelled = await db.UpdateOnlyAsync(() => new Order { Status = OrderStatus.Cancelled },
                where: o => o.Id == order.Id && o.Status == OrderStatus.Placed, ct: cancellationToken);
            if (cancelled == 0) continue;
            foreach (var item in await db.SelectAsync<OrderItem>(i => i.OrderId == order.Id, cancellationToken))
            {
                var quantity = item.Quantity;
                await db.UpdateAddAsync(() => new MenuItem { StockLeft = quantity }, m => m.Id == item.MenuItemId && m.StockLeft != null, cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            closed++;
            job.ReportProgress((double)closed / stale.Count, $"closed {closed} of {stale.Count}");
        }
        job.Log($"Closed {closed} order(s) placed before {cutoff:u} and never accepted");
        if (closed > 0) LogClosed(logger, closed, arg.OlderThanMinutes);
        return closed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Closed {Count} order(s) nobody accepted within {Minutes} minutes")]
    private static partial void LogClosed(ILogger logger, int count, int minutes);
}
