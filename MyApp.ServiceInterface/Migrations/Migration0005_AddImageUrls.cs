using BaaS.Data;
using BaaS.DataAnnotations;

namespace MyApp.ServiceInterface.Migrations;

/// <summary>
/// Restaurants get a logo and dishes a photo: the URL of the uploaded file and of its two smaller copies (a 200 px
/// thumbnail and an 800 px web size, filled in by a background job once made). Nullable columns, so existing rows keep
/// going without an image. The classes declare only the columns this step adds; their names give the tables'.
/// </summary>
public class Migration0005_AddImageUrls : Migration
{
    private sealed class Restaurant
    {
        [StringLength(300)] public string? LogoUrl { get; set; }
        [StringLength(300)] public string? LogoThumbUrl { get; set; }
        [StringLength(300)] public string? LogoWebUrl { get; set; }
    }

    private sealed class MenuItem
    {
        [StringLength(300)] public string? PhotoUrl { get; set; }
        [StringLength(300)] public string? PhotoThumbUrl { get; set; }
        [StringLength(300)] public string? PhotoWebUrl { get; set; }
    }

    private static readonly string[] RestaurantColumns = [nameof(Restaurant.LogoUrl), nameof(Restaurant.LogoThumbUrl), nameof(Restaurant.LogoWebUrl)];
    private static readonly string[] MenuItemColumns = [nameof(MenuItem.PhotoUrl), nameof(MenuItem.PhotoThumbUrl), nameof(MenuItem.PhotoWebUrl)];

    public override async Task UpAsync(CancellationToken ct)
    {
        foreach (var column in RestaurantColumns) await Db.AddColumnAsync<Restaurant>(column, ct);
        foreach (var column in MenuItemColumns) await Db.AddColumnAsync<MenuItem>(column, ct);
    }

    public override async Task DownAsync(CancellationToken ct)
    {
        foreach (var column in MenuItemColumns) await Db.DropColumnAsync<MenuItem>(column, ct);
        foreach (var column in RestaurantColumns) await Db.DropColumnAsync<Restaurant>(column, ct);
    }
}
