using BaaS;
using BaaS.DataAnnotations;

namespace MyApp.ServiceModel;

/// <summary>A customer's review of a delivered order; one per order.</summary>
[Icon("star")]
public class Review : AuditBase
{
    [AutoIncrement]
    public int Id { get; set; }

    [References(typeof(Order)), Index(Unique = true)]
    public int OrderId { get; set; }

    [References(typeof(Restaurant)), Index]
    public int RestaurantId { get; set; }

    [Index]
    public Guid CustomerId { get; set; }

    /// <summary>1 to 5 stars.</summary>
    public int Rating { get; set; }

    [StringLength(1000)]
    public string? Comment { get; set; }
}
