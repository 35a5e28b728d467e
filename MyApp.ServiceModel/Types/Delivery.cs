using BaaS;
using BaaS.DataAnnotations;

namespace MyApp.ServiceModel;

/// <summary>A courier's trip with one order: made when the courier takes the order.</summary>
[Icon("truck")]
public class Delivery
{
    [AutoIncrement]
    public int Id { get; set; }

    [References(typeof(Order)), Index(Unique = true)]
    public int OrderId { get; set; }

    [Index]
    public Guid CourierId { get; set; }

    [References(typeof(Restaurant)), Index]
    public int RestaurantId { get; set; }

    [StringLength(300)]
    public string PickupAddress { get; set; } = "";

    [StringLength(200)]
    public string DropoffAddress { get; set; } = "";

    public DateTime PickedUpAt { get; set; }

    public DateTime? DeliveredAt { get; set; }
}
