using BaaS;
using BaaS.Data;
using MyApp.ServiceModel;

namespace MyApp.ServiceInterface;

/// <summary>Reviews: one per delivered order, by its customer; the restaurant's rating follows in the same transaction.</summary>
public class ReviewServices(TimeProvider clock) : Service
{
    public async Task<Review> Post(ReviewOrder request)
    {
        var me = Caller.Id(User);
        var db = await OpenDbAsync();
        var orderId = request.OrderId;
        var order = await db.SingleAsync<Order>(o => o.Id == orderId && o.CustomerId == me, CancellationToken)
            ?? throw HttpError.NotFound($"Order {request.OrderId} does not exist.");
        if (order.Status != OrderStatus.Delivered)
            throw HttpError.Conflict($"Order {order.Id} is {order.Status}: only a delivered order can be reviewed.", "OrderNotDelivered");
        if (await db.ExistsAsync<Review>(r => r.OrderId == orderId, CancellationToken))
            throw HttpError.Conflict($"Order {order.Id} is reviewed already.", "AlreadyReviewed");

        var now = clock.GetUtcNow().UtcDateTime;
        var by = Caller.Name(User);
        var review = new Review
        {
            OrderId = order.Id,
            RestaurantId = order.RestaurantId,
            CustomerId = me,
            Rating = request.Rating,
            Comment = string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim(),
            CreatedDate = now, CreatedBy = by, ModifiedDate = now, ModifiedBy = by,
        };
        await using var transaction = await db.OpenTransactionAsync(CancellationToken);
        try
        {
            await db.InsertAsync(review, CancellationToken);
        }
        catch (UniqueConstraintException)
        {
            // Reviewed by a parallel request since the check above.
            throw HttpError.Conflict($"Order {order.Id} is reviewed already.", "AlreadyReviewed");
        }
        await UpdateRatingAsync(db, order.RestaurantId, CancellationToken);
        await transaction.CommitAsync(CancellationToken);
        return review;
    }

    /// <summary>
    /// Recomputes a restaurant's rating and review count from its reviews. The first statement locks the restaurant's row,
    /// so parallel reviews of one restaurant take turns and each recount sees the reviews committed before it.
    /// </summary>
    public static async Task UpdateRatingAsync(DataConnection db, int restaurantId, CancellationToken ct)
    {
        // UPDATE restaurant SET review_count = review_count + 1 WHERE id = @p0   (the lock; the count is set again below)
        await db.UpdateAddAsync(() => new Restaurant { ReviewCount = 1 }, r => r.Id == restaurantId, ct);
        var count = await db.CountAsync<Review>(r => r.RestaurantId == restaurantId, ct);
        var sum = count == 0 ? 0 : await db.ScalarAsync<Review, long>(r => Sql.Sum(r.Rating), r => r.RestaurantId == restaurantId, ct);
        var rating = count == 0 ? 0m : Math.Round((decimal)sum / count, 2, MidpointRounding.AwayFromZero);
        var reviews = (int)count;
        await db.UpdateOnlyAsync(() => new Restaurant { Rating = rating, ReviewCount = reviews }, where: r => r.Id == restaurantId, ct: ct);
    }
}
