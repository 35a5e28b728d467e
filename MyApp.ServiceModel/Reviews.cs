using BaaS;

namespace MyApp.ServiceModel;

/// <summary>Reviews, newest first: <c>/restaurants/1/reviews</c>. Anyone.</summary>
[Tag("Reviews", Icon = "star"), Route("/reviews", "GET"), Route("/restaurants/{RestaurantId}/reviews", "GET"), AutoApply(Behavior.AuditQuery)]
[CacheResponse(Duration = 60)]
public class QueryReviews : QueryDb<Review, ReviewInfo>
{
    public int? RestaurantId { get; set; }

    public int? MinRating { get; set; }

    /// <inheritdoc />
    public override string? OrderBy { get; set; } = "-Id";
}

/// <summary>The caller's own reviews. Any signed-in user.</summary>
[Tag("Reviews", Icon = "star"), Route("/my/reviews", "GET")]
[ValidateIsAuthenticated, AutoFilter(nameof(Review.CustomerId), Eval = "userAuthId"), AutoApply(Behavior.AuditQuery)]
public class QueryMyReviews : QueryDb<Review>
{
    public int? OrderId { get; set; }
}

/// <summary>
/// Reviews one of the caller's delivered orders, once; the restaurant's rating and review count change in the same
/// transaction.
/// </summary>
[Tag("Reviews", Icon = "star"), Route("/orders/{OrderId}/review", "POST"), ValidateIsAuthenticated]
[InvalidateResponses(typeof(Review), typeof(Restaurant))]
public class ReviewOrder : IReturn<Review>, IPost
{
    public int OrderId { get; set; }

    /// <summary>1 to 5 stars.</summary>
    [ValidateInclusiveBetween(1, 5)]
    public int Rating { get; set; }

    [ValidateMaximumLength(1000), Input(Type = "textarea")]
    public string? Comment { get; set; }
}
