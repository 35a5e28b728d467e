using BaaS.DataAnnotations;

namespace BaaS.Files.Tests.Fixtures;

/// <summary>A dish with a photo: the photo column holds the stored file's URL.</summary>
public class Dish
{
    [AutoIncrement] public int Id { get; set; }
    public string Name { get; set; } = "";
    [Index(true)] public string? Sku { get; set; }
    public int RestaurantId { get; set; }
    public string? Photo { get; set; }
    public string? PhotoThumb { get; set; }
}
