using BaaS.DataAnnotations;

namespace MyApp.ServiceModel;

/// <summary>A dish on a restaurant's menu.</summary>
public class MenuItem
{
    [AutoIncrement]
    public int Id { get; set; }

    [References(typeof(Restaurant)), Index]
    public int RestaurantId { get; set; }

    [StringLength(100)]
    public string Name { get; set; } = "";

    public string? Description { get; set; }

    public decimal Price { get; set; }

    /// <summary>False when the kitchen has taken it off for now.</summary>
    public bool IsAvailable { get; set; } = true;

    /// <summary>How many are left for a limited dish; null when there is no limit.</summary>
    public int? StockLeft { get; set; }
}
