using BaaS;
using BaaS.DataAnnotations;

namespace MyApp.ServiceModel;

/// <summary>A dish on a restaurant's menu. Deleting one only marks it deleted, so past orders keep what they refer to.</summary>
[Icon("menu"), Lookup(nameof(Name))]
public class MenuItem : AuditBase
{
    [AutoIncrement]
    public int Id { get; set; }

    [References(typeof(Restaurant)), Index]
    public int RestaurantId { get; set; }

    /// <summary>The restaurant's owner, copied here so owners' menu APIs filter by it (<c>[AutoFilter]</c>) without a join.</summary>
    [Index]
    public Guid OwnerId { get; set; }

    [StringLength(100)]
    public string Name { get; set; } = "";

    [StringLength(500)]
    public string? Description { get; set; }

    [DecimalLength(10, 2), Format(ColumnFormat.Currency)]
    public decimal Price { get; set; }

    /// <summary>False when the kitchen has taken it off for now.</summary>
    public bool IsAvailable { get; set; } = true;

    /// <summary>How many are left for a limited dish; null when there is no limit.</summary>
    public int? StockLeft { get; set; }

    #region snippet:myapp-photo-columns
    /// <summary>The dish's photo as uploaded (the <c>menu-photos</c> location); null without one.</summary>
    [StringLength(300)]
    public string? PhotoUrl { get; set; }

    /// <summary>The photo fitted in 200 × 200 pixels (WebP), once the background job made it.</summary>
    [StringLength(300), VariantOf(nameof(PhotoUrl), "thumb")]
    public string? PhotoThumbUrl { get; set; }

    /// <summary>The photo fitted in 800 × 800 pixels (WebP), once the background job made it.</summary>
    [StringLength(300), VariantOf(nameof(PhotoUrl), "web")]
    public string? PhotoWebUrl { get; set; }
    #endregion
}
