using BaaS;
using BaaS.DataAnnotations;

namespace MyApp.ServiceModel;

/// <summary>What a customer keeps for their orders: the name couriers see and where food usually goes. One per user.</summary>
[Icon("user")]
public class CustomerProfile : AuditBase
{
    [AutoIncrement]
    public int Id { get; set; }

    [Index(Unique = true)]
    public Guid UserId { get; set; }

    [StringLength(100)]
    public string DisplayName { get; set; } = "";

    [StringLength(30)]
    public string? Phone { get; set; }

    /// <summary>Used by PlaceOrder when the order names no address.</summary>
    [StringLength(200)]
    public string? DefaultAddress { get; set; }
}
