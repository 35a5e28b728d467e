using BaaS;
namespace MyApp.ServiceModel;

/// <summary>A restaurant as anyone may see it: no owner, no audit columns.</summary>
public class RestaurantInfo
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    public string Cuisine { get; set; } = "";

    public string Address { get; set; } = "";

    /// <summary>The average of its reviews (1 to 5); 0 until the first review.</summary>
    public decimal Rating { get; set; }

    public int ReviewCount { get; set; }

    public bool IsOpen { get; set; }

    public int DeliveryMinutes { get; set; }

    [Format(ColumnFormat.Currency)]
    public decimal DeliveryFee { get; set; }

    /// <summary>The restaurant's logo; null without one.</summary>
    public string? LogoUrl { get; set; }

    /// <summary>The logo fitted in 200 × 200 pixels; null until the background job made it.</summary>
    public string? LogoThumbUrl { get; set; }

    /// <summary>The logo fitted in 800 × 800 pixels; null until the background job made it.</summary>
    public string? LogoWebUrl { get; set; }
}
