using BaaS;

namespace MyApp.ServiceModel;

/// <summary>
/// Open restaurants, best rated first: <c>/restaurants?cuisineContains=thai&amp;ratingGreaterThan=4</c>. Anyone. Anonymous
/// answers are cached for a minute, dropped on every node when a restaurant is written.
/// </summary>
[Tag("Restaurants", Icon = "store"), Route("/restaurants", "GET")]
[AutoFilter(nameof(Restaurant.IsOpen), Value = true), AutoApply(Behavior.AuditQuery), CacheResponse(Duration = 60)]
public class QueryRestaurants : QueryDb<Restaurant, RestaurantInfo>
{
    public List<int>? Ids { get; set; }

    /// <summary>Only cuisines containing this (case-insensitive).</summary>
    public string? CuisineContains { get; set; }

    /// <summary>Only restaurants whose name contains this (case-insensitive).</summary>
    public string? NameContains { get; set; }

    /// <summary>Only restaurants rated above this.</summary>
    public decimal? RatingGreaterThan { get; set; }

    /// <summary>Only restaurants that usually deliver faster than this.</summary>
    public int? DeliveryMinutesLessThan { get; set; }

    /// <inheritdoc />
    public override string? OrderBy { get; set; } = "-Rating,Name";
}

/// <summary>The caller's own restaurants, open or closed. Owners.</summary>
[Tag("Restaurants", Icon = "store"), Route("/my/restaurants", "GET")]
[ValidateHasRole(Roles.Owner), AutoFilter(nameof(Restaurant.OwnerId), Eval = "userAuthId"), AutoApply(Behavior.AuditQuery)]
public class QueryMyRestaurants : QueryDb<Restaurant>
{
    public int? Id { get; set; }

    public string? NameContains { get; set; }

    public bool? IsOpen { get; set; }
}

/// <summary>Adds a restaurant owned by the caller. Owners.</summary>
[Tag("Restaurants", Icon = "store"), Route("/restaurants", "POST")]
[ValidateHasRole(Roles.Owner), AutoApply(Behavior.AuditCreate), AutoPopulate(nameof(Restaurant.OwnerId), Eval = "userAuthId")]
public class CreateRestaurant : ICreateDb<Restaurant>, IReturn<IdResponse>, IPost
{
    [ValidateNotEmpty, ValidateMaximumLength(100)]
    public string Name { get; set; } = "";

    /// <summary>The kind of food, e.g. Thai.</summary>
    [ValidateMaximumLength(50), Input(Placeholder = "e.g. Thai")]
    public string Cuisine { get; set; } = "";

    [ValidateMaximumLength(200)]
    public string Address { get; set; } = "";

    /// <summary>Whether it takes orders from now on.</summary>
    [Input(Label = "Open for orders")]
    public bool IsOpen { get; set; }

    /// <summary>Typical minutes from order to door (5 to 180, default 30).</summary>
    [ValidateInclusiveBetween(5, 180), AutoDefault(Value = 30), Input(Label = "Delivery time (minutes)")]
    public int? DeliveryMinutes { get; set; }

    [ValidateGreaterThanOrEqual(0), ValidateScalePrecision(2, 6)]
    public decimal DeliveryFee { get; set; }

    /// <summary>The restaurant's logo, sent as a file part of a multipart/form-data request.</summary>
    [UploadTo(UploadLocations.RestaurantLogos), AutoMap(nameof(Restaurant.LogoUrl))]
    public UploadedFile? Logo { get; set; }
}

/// <summary>Changes the fields sent of one of the caller's restaurants. Owners.</summary>
[Tag("Restaurants", Icon = "store"), Route("/restaurants/{Id}", "PATCH")]
[ValidateHasRole(Roles.Owner), AutoApply(Behavior.AuditModify), AutoFilter(nameof(Restaurant.OwnerId), Eval = "userAuthId")]
public class PatchRestaurant : IPatchDb<Restaurant>, IReturn<IdResponse>, IPatch
{
    public int Id { get; set; }

    [ValidateRegularExpression(@"\S", ErrorCode = "NotEmpty", Message = "'{PropertyName}' must not be empty."), ValidateMaximumLength(100)]
    public string? Name { get; set; }

    [ValidateMaximumLength(50), Input(Placeholder = "e.g. Thai")]
    public string? Cuisine { get; set; }

    [ValidateMaximumLength(200)]
    public string? Address { get; set; }

    [Input(Label = "Open for orders")]
    public bool? IsOpen { get; set; }

    [ValidateInclusiveBetween(5, 180), Input(Label = "Delivery time (minutes)")]
    public int? DeliveryMinutes { get; set; }

    [ValidateGreaterThanOrEqual(0), ValidateScalePrecision(2, 6)]
    public decimal? DeliveryFee { get; set; }

    /// <summary>A new logo, sent as a file part of a multipart/form-data request; the old one and its copies are deleted.</summary>
    [UploadTo(UploadLocations.RestaurantLogos), AutoMap(nameof(Restaurant.LogoUrl))]
    public UploadedFile? Logo { get; set; }
}

/// <summary>Retires one of the caller's restaurants: it disappears from every list, its orders and reviews stay. Owners.</summary>
[Tag("Restaurants", Icon = "store"), Route("/restaurants/{Id}", "DELETE")]
[ValidateHasRole(Roles.Owner), AutoApply(Behavior.AuditSoftDelete), AutoFilter(nameof(Restaurant.OwnerId), Eval = "userAuthId")]
public class DeleteRestaurant : IDeleteDb<Restaurant>, IReturnVoid, IDelete
{
    public int Id { get; set; }
}
