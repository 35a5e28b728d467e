using BaaS.DataAnnotations;

namespace MyApp.ServiceModel;

/// <summary>A restaurant that delivers through the app.</summary>
public class Restaurant
{
    [AutoIncrement]
    public int Id { get; set; }

    [Index, StringLength(100)]
    public string Name { get; set; } = "";

    /// <summary>The kind of food, e.g. Thai.</summary>
    [StringLength(50)]
    public string Cuisine { get; set; } = "";

    public string Address { get; set; } = "";

    /// <summary>Average review rating, 0 to 5.</summary>
    public decimal Rating { get; set; }

    /// <summary>Whether it takes orders now.</summary>
    public bool IsOpen { get; set; }

    /// <summary>Typical minutes from order to door.</summary>
    public int DeliveryMinutes { get; set; }

    public decimal DeliveryFee { get; set; }

    public DateTime CreatedAt { get; set; }
}
