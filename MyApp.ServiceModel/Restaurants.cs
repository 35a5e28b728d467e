using BaaS;

namespace MyApp.ServiceModel;

/// <summary>Finds restaurants, open ones first: <c>/restaurants?cuisine=Thai&amp;ratingGreaterThan=4</c>.</summary>
[Tag("Restaurants"), Route("/restaurants", "GET")]
public class QueryRestaurants : QueryDb<Restaurant>
{
    /// <summary>Only this cuisine.</summary>
    public string? Cuisine { get; set; }

    /// <summary>Only restaurants whose name contains this (case-insensitive).</summary>
    public string? NameContains { get; set; }

    /// <summary>Only restaurants taking orders now (or, with false, only closed ones).</summary>
    public bool? IsOpen { get; set; }

    /// <summary>Only restaurants rated above this.</summary>
    public decimal? RatingGreaterThan { get; set; }

    /// <inheritdoc />
    public override string? OrderBy { get; set; } = "-IsOpen,Name";
}

/// <summary>Finds dishes across restaurants.</summary>
[Tag("Restaurants"), Route("/menu-items", "GET")]
public class QueryMenuItems : QueryDb<MenuItem>
{
    public int? RestaurantId { get; set; }
    public string? NameContains { get; set; }
    public decimal? PriceLessThan { get; set; }
    public bool? IsAvailable { get; set; }
}

/// <summary>One restaurant with its menu.</summary>
[Tag("Restaurants"), Route("/restaurants/{Id}", "GET")]
public class GetRestaurant : IReturn<RestaurantDetails>, IGet
{
    public int Id { get; set; }
}

public class RestaurantDetails
{
    public Restaurant Restaurant { get; set; } = new();
    public List<MenuItem> Menu { get; set; } = [];
}

/// <summary>Adds a restaurant.</summary>
[Tag("Restaurants"), Route("/restaurants", "POST")]
public class CreateRestaurant : IReturn<IdResponse>, IPost
{
    public required string Name { get; set; }
    public string Cuisine { get; set; } = "";
    public string Address { get; set; } = "";
    public int DeliveryMinutes { get; set; } = 30;
    public decimal DeliveryFee { get; set; }
    public bool IsOpen { get; set; } = true;
}

/// <summary>Adds a dish to a restaurant's menu.</summary>
[Tag("Restaurants"), Route("/restaurants/{RestaurantId}/menu", "POST")]
public class AddMenuItem : IReturn<IdResponse>, IPost
{
    public int RestaurantId { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public decimal Price { get; set; }
    public int? StockLeft { get; set; }
}
