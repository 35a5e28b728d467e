using BaaS;

namespace MyApp.ServiceModel;

/// <summary>
/// Dishes that can be ordered now: available, on the menu of an open restaurant. Anyone. Anonymous answers are cached for
/// a minute, dropped on every node when a dish or a restaurant is written (an order taking limited stock included).
/// </summary>
[Tag("Menus", Icon = "menu"), Route("/menu-items", "GET"), Route("/restaurants/{RestaurantId}/menu", "GET")]
[AutoFilter(nameof(MenuItem.IsAvailable), Value = true), AutoFilter("Restaurant.IsOpen", Value = true)]
[AutoFilter("Restaurant.DeletedDate", Operand = "IsNull"), AutoApply(Behavior.AuditQuery), CacheResponse(Duration = 60)]
public class QueryMenuItems : QueryDb<MenuItem, MenuItemInfo>, IJoin<MenuItem, Restaurant>
{
    public int? RestaurantId { get; set; }

    /// <summary>Only dishes whose name contains this (case-insensitive).</summary>
    [QueryDbField(Field = "MenuItem.Name", Operand = "Contains")]
    public string? NameContains { get; set; }

    [QueryDbField(Field = "MenuItem.Price", Operand = "<")]
    public decimal? PriceLessThan { get; set; }

    /// <inheritdoc />
    public override string? OrderBy { get; set; } = "RestaurantId,MenuItem.Name";
}

/// <summary>The caller's own menus, unavailable dishes included. Owners.</summary>
[Tag("Menus", Icon = "menu"), Route("/my/menu-items", "GET")]
[ValidateHasRole(Roles.Owner), AutoFilter(nameof(MenuItem.OwnerId), Eval = "userAuthId"), AutoApply(Behavior.AuditQuery), ApiKeyScope(ApiScopes.MenuWrite)]
public class QueryMyMenuItems : QueryDb<MenuItem>
{
    public int? Id { get; set; }

    public int? RestaurantId { get; set; }

    public bool? IsAvailable { get; set; }
}

/// <summary>Adds a dish to the menu of one of the caller's restaurants. Owners.</summary>
[Tag("Menus", Icon = "menu"), Route("/restaurants/{RestaurantId}/menu", "POST")]
[ValidateHasRole(Roles.Owner), AutoApply(Behavior.AuditCreate), AutoPopulate(nameof(MenuItem.OwnerId), Eval = "userAuthId"), ApiKeyScope(ApiScopes.MenuWrite)]
public class CreateMenuItem : ICreateDb<MenuItem>, IReturn<IdResponse>, IPost
{
    /// <summary>One of the caller's restaurants (checked by CreateMenuItemValidator).</summary>
    [Input(Label = "Restaurant", Help = "One of your restaurants.")]
    public int RestaurantId { get; set; }

    [ValidateNotEmpty, ValidateMaximumLength(100)]
    public string Name { get; set; } = "";

    [ValidateMaximumLength(500), Input(Type = "textarea", Rows = 3, Help = "Shown under the dish on the menu.")]
    public string? Description { get; set; }

    [ValidateGreaterThan(0), ValidateScalePrecision(2, 8)]
    public decimal Price { get; set; }

    /// <summary>Whether it can be ordered now (default true).</summary>
    [AutoDefault(Value = true), Input(Label = "Available now")]
    public bool? IsAvailable { get; set; }

    /// <summary>How many can be sold; leave out for no limit.</summary>
    [ValidateGreaterThanOrEqual(0), Input(Help = "Leave empty for no limit.")]
    public int? StockLeft { get; set; }

    #region snippet:myapp-photo-property
    /// <summary>A photo of the dish, sent as a file part of a multipart/form-data request.</summary>
    [UploadTo(UploadLocations.MenuPhotos), AutoMap(nameof(MenuItem.PhotoUrl))]
    public UploadedFile? Photo { get; set; }
    #endregion
}

/// <summary>Changes the fields sent of a dish on one of the caller's menus. Owners.</summary>
[Tag("Menus", Icon = "menu"), Route("/menu-items/{Id}", "PATCH")]
[ValidateHasRole(Roles.Owner), AutoApply(Behavior.AuditModify), AutoFilter(nameof(MenuItem.OwnerId), Eval = "userAuthId"), ApiKeyScope(ApiScopes.MenuWrite)]
public class PatchMenuItem : IPatchDb<MenuItem>, IReturn<IdResponse>, IPatch
{
    public int Id { get; set; }

    [ValidateRegularExpression(@"\S", ErrorCode = "NotEmpty", Message = "'{PropertyName}' must not be empty."), ValidateMaximumLength(100)]
    public string? Name { get; set; }

    [ValidateMaximumLength(500), Input(Type = "textarea", Rows = 3, Help = "Shown under the dish on the menu.")]
    public string? Description { get; set; }

    [ValidateGreaterThan(0), ValidateScalePrecision(2, 8)]
    public decimal? Price { get; set; }

    [Input(Label = "Available now")]
    public bool? IsAvailable { get; set; }

    [ValidateGreaterThanOrEqual(0), Input(Help = "Leave empty for no limit.")]
    public int? StockLeft { get; set; }

    /// <summary>A new photo of the dish, sent as a file part of a multipart/form-data request; the old one and its copies are deleted.</summary>
    [UploadTo(UploadLocations.MenuPhotos), AutoMap(nameof(MenuItem.PhotoUrl))]
    public UploadedFile? Photo { get; set; }
}

/// <summary>Takes a dish off one of the caller's menus for good; past orders keep it. Owners.</summary>
[Tag("Menus", Icon = "menu"), Route("/menu-items/{Id}", "DELETE")]
[ValidateHasRole(Roles.Owner), AutoApply(Behavior.AuditSoftDelete), AutoFilter(nameof(MenuItem.OwnerId), Eval = "userAuthId"), ApiKeyScope(ApiScopes.MenuWrite)]
public class DeleteMenuItem : IDeleteDb<MenuItem>, IReturnVoid, IDelete
{
    public int Id { get; set; }
}
