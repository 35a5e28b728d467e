using BaaS.DataAnnotations;

namespace BaaS.Files.Tests.Fixtures;

#region snippet:files-model
/// <summary>A dish with a photo: the photo column holds the stored file's URL.</summary>
public class Dish
{
    [AutoIncrement] public int Id { get; set; }
    public string Name { get; set; } = "";
    [Index(true)] public string? Sku { get; set; }
    public int RestaurantId { get; set; }
    public string? Photo { get; set; }
    public string? PhotoThumb { get; set; }   // the "thumb" variant's URL, once its job made it
}
#endregion
