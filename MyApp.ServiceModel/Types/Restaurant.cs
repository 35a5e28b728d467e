using BaaS;
using BaaS.DataAnnotations;

namespace MyApp.ServiceModel;

/// <summary>A restaurant that delivers through the app, run by one owner.</summary>
[Icon("store"), Lookup(nameof(Name))]
public class Restaurant : AuditBase
{
    [AutoIncrement]
    public int Id { get; set; }

    /// <summary>The user who runs it (the owner's id, the token's <c>sub</c>).</summary>
    [Index]
    public Guid OwnerId { get; set; }

    [Index, StringLength(100)]
    public string Name { get; set; } = "";

    /// <summary>The kind of food, e.g. Thai.</summary>
    [StringLength(50)]
    public string Cuisine { get; set; } = "";

    [StringLength(200)]
    public string Address { get; set; } = "";

    /// <summary>The average of its reviews' ratings (1 to 5, two decimals); 0 until the first review.</summary>
    public decimal Rating { get; set; }

    /// <summary>How many reviews the rating averages.</summary>
    public int ReviewCount { get; set; }

    /// <summary>Whether it takes orders now.</summary>
    [Index]
    public bool IsOpen { get; set; }

    /// <summary>Typical minutes from order to door.</summary>
    public int DeliveryMinutes { get; set; }

    [DecimalLength(10, 2), Format(ColumnFormat.Currency)]
    public decimal DeliveryFee { get; set; }

    /// <summary>The restaurant's logo as uploaded (the <c>restaurant-logos</c> location); null without one.</summary>
    [StringLength(300)]
    public string? LogoUrl { get; set; }

    /// <summary>The logo fitted in 200 × 200 pixels (WebP), once the background job made it.</summary>
    [StringLength(300), VariantOf(nameof(LogoUrl), "thumb")]
    public string? LogoThumbUrl { get; set; }

    /// <summary>The logo fitted in 800 × 800 pixels (WebP), once the background job made it.</summary>
    [StringLength(300), VariantOf(nameof(LogoUrl), "web")]
    public string? LogoWebUrl { get; set; }
}
