using BaaS;

namespace MyApp.ServiceModel;

/// <summary>Every restaurant, retired ones included. Admins.</summary>
[Tag("Admin", Icon = "shield"), ValidateIsAdmin]
public class AdminQueryRestaurants : QueryDb<Restaurant>
{
    public int? Id { get; set; }

    public Guid? OwnerId { get; set; }

    public string? NameContains { get; set; }

    public bool? IsOpen { get; set; }
}

/// <summary>Every dish of every menu, deleted ones included. Admins.</summary>
[Tag("Admin", Icon = "shield"), ValidateIsAdmin]
public class AdminQueryMenuItems : QueryDb<MenuItem>
{
    public int? RestaurantId { get; set; }

    public Guid? OwnerId { get; set; }
}

/// <summary>Every order with its lines. Admins.</summary>
[Tag("Admin", Icon = "shield"), ValidateIsAdmin]
public class AdminQueryOrders : QueryDb<Order>
{
    public int? Id { get; set; }

    public int? RestaurantId { get; set; }

    public Guid? CustomerId { get; set; }

    public Guid? CourierId { get; set; }

    public OrderStatus? Status { get; set; }

    /// <inheritdoc />
    public override string? OrderBy { get; set; } = "-Id";
}

/// <summary>Every delivery. Admins.</summary>
[Tag("Admin", Icon = "shield"), ValidateIsAdmin]
public class AdminQueryDeliveries : QueryDb<Delivery>
{
    public int? OrderId { get; set; }

    public Guid? CourierId { get; set; }
}

/// <summary>Every review with its author. Admins.</summary>
[Tag("Admin", Icon = "shield"), ValidateIsAdmin]
public class AdminQueryReviews : QueryDb<Review>
{
    public int? RestaurantId { get; set; }

    public Guid? CustomerId { get; set; }
}

/// <summary>Every customer profile. Admins.</summary>
[Tag("Admin", Icon = "shield"), ValidateIsAdmin]
public class AdminQueryProfiles : QueryDb<CustomerProfile>
{
    public Guid? UserId { get; set; }
}

/// <summary>Changes the fields sent of any restaurant, e.g. closes it. Admins.</summary>
[Tag("Admin", Icon = "shield"), ValidateIsAdmin, AutoApply(Behavior.AuditModify)]
public class AdminPatchRestaurant : IPatchDb<Restaurant>, IReturn<IdResponse>, IPatch
{
    public int Id { get; set; }

    [ValidateRegularExpression(@"\S", ErrorCode = "NotEmpty", Message = "'{PropertyName}' must not be empty."), ValidateMaximumLength(100)]
    public string? Name { get; set; }

    public bool? IsOpen { get; set; }

    /// <summary>A new logo, sent as a file part of a multipart/form-data request; the old one and its copies are deleted.</summary>
    [UploadTo(UploadLocations.RestaurantLogos), AutoMap(nameof(Restaurant.LogoUrl))]
    public UploadedFile? Logo { get; set; }
}
