using BaaS;
namespace MyApp.ServiceModel;

/// <summary>A dish as anyone may see it, with its restaurant's name.</summary>
public class MenuItemInfo
{
    public int Id { get; set; }

    public int RestaurantId { get; set; }

    /// <summary>Read from the joined restaurant.</summary>
    public string RestaurantName { get; set; } = "";

    public string Name { get; set; } = "";

    public string? Description { get; set; }

    [Format(ColumnFormat.Currency)]
    public decimal Price { get; set; }

    public bool IsAvailable { get; set; }

    /// <summary>How many are left for a limited dish; null when there is no limit.</summary>
    public int? StockLeft { get; set; }

    /// <summary>The dish's photo; null without one.</summary>
    public string? PhotoUrl { get; set; }

    /// <summary>The photo fitted in 200 × 200 pixels; null until the background job made it.</summary>
    public string? PhotoThumbUrl { get; set; }

    /// <summary>The photo fitted in 800 × 800 pixels; null until the background job made it.</summary>
    public string? PhotoWebUrl { get; set; }
}
