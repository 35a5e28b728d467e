using BaaS.Data;
using MyApp.ServiceModel;

namespace MyApp.ServiceInterface;

/// <summary>
/// Cancels an order and puts its limited dishes back on the menu: the one way both the status workflow and the
/// stale-order sweep cancel, so stock is restored exactly once.
/// </summary>
public static class OrderCancellation
{
    /// <summary>
    /// Cancels the order only if it is still <paramref name="expected"/> (one conditional UPDATE, so of two parties
    /// racing to move it, one wins) and adds its quantities back to dishes with limited stock, in one transaction (the
    /// caller's, if one is open). Returns false, changing nothing, when the order was no longer <paramref name="expected"/>.
    /// </summary>
    public static async Task<bool> CancelAsync(DataConnection db, int orderId, OrderStatus expected, string? reason, DateTime now, CancellationToken ct)
    {
        var transaction = db.Transaction is null ? await db.OpenTransactionAsync(ct) : null;
        try
        {
            // UPDATE "order" SET status = 'Cancelled', cancelled_at = @p0, cancel_reason = @p1 WHERE id = @p2 AND status = @p3
            var cancelled = await db.UpdateOnlyAsync(() => new Order { Status = OrderStatus.Cancelled, CancelledAt = now, CancelReason = reason },
                where: o => o.Id == orderId && o.Status == expected, ct: ct);
            if (cancelled == 0) return false;
            foreach (var item in await db.SelectAsync<OrderItem>(i => i.OrderId == orderId, ct))
            {
                var quantity = item.Quantity;
                var menuItemId = item.MenuItemId;
                // UPDATE menu_item SET stock_left = stock_left + @p0 WHERE id = @p1 AND stock_left IS NOT NULL
                await db.UpdateAddAsync(() => new MenuItem { StockLeft = quantity }, m => m.Id == menuItemId && m.StockLeft != null, ct);
            }
            if (transaction is not null) await transaction.CommitAsync(ct);
            return true;
        }
        finally
        {
            if (transaction is not null) await transaction.DisposeAsync();
        }
    }
}
