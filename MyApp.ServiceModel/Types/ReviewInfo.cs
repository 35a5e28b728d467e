namespace MyApp.ServiceModel;

/// <summary>A review as anyone may see it: who wrote it stays private.</summary>
public class ReviewInfo
{
    public int Id { get; set; }

    public int RestaurantId { get; set; }

    public int Rating { get; set; }

    public string? Comment { get; set; }

    public DateTime CreatedDate { get; set; }
}
