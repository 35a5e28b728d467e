namespace MyApp.ServiceModel;

/// <summary>
/// The names of MyApp's upload locations, as <c>[UploadTo]</c> names them; what each allows (types, size, who writes,
/// image variants) is declared in <c>Configure/Configure.Files.cs</c>.
/// </summary>
public static class UploadLocations
{
    /// <summary>Restaurant logos.</summary>
    public const string RestaurantLogos = "restaurant-logos";

    /// <summary>Photos of dishes.</summary>
    public const string MenuPhotos = "menu-photos";
}
