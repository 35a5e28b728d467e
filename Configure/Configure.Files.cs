using BaaS;
using BaaS.Files;
using MyApp.ServiceModel;

namespace MyApp;

/// <summary>
/// Uploads (docs/files.md): restaurant logos and dish photos, images only, readable by anyone, each with a 200 px
/// thumbnail and an 800 px web copy made by a background job. Only owners (and admins) may upload; which restaurant or
/// dish an owner may give an image is decided by the operation that carries it, as for its other fields: CreateMenuItem's
/// validator refuses a restaurant that is not the caller's, and the patches' <c>[AutoFilter]</c> on the owner makes
/// another owner's row "not found", so nothing is stored. Files stay in <c>App_Data/files</c> unless <c>Files:S3</c>
/// names a bucket (see <c>MyApp/.env.example</c>); the <c>Files</c> section may change any location's settings.
/// </summary>
public class ConfigureFiles : IStartupModule
{
    /// <summary>After the jobs (-50): the image variants are jobs.</summary>
    public int Order => -40;

    public void ConfigureServices(WebApplicationBuilder builder)
    {
        #region snippet:myapp-files
        builder.Services.AddFiles(options =>
        {
            options.Locations.Add(ImageLocation(UploadLocations.RestaurantLogos, maxBytes: 2 * 1024 * 1024));
            options.Locations.Add(ImageLocation(UploadLocations.MenuPhotos, maxBytes: 5 * 1024 * 1024));
        });
        builder.Services.AddFileImageVariants();                                 // the thumbnails, as jobs
        builder.Services.AddFilesS3(builder.Configuration, builder.Environment); // S3 when Files:S3:Bucket is set
        #endregion
    }

    #region snippet:myapp-files-location
    /// <summary>PNG, JPEG or WebP up to <paramref name="maxBytes"/>, public, uploaded by owners, with two smaller copies.</summary>
    private static FileLocation ImageLocation(string name, long maxBytes) => new(name)
    {
        AllowedTypes = ["image/png", "image/jpeg", "image/webp"],
        MaxBytes = maxBytes,
        Read = FileAccessRule.Public,
        Write = FileAccessRule.Roles(Roles.Owner), // and Admin, which passes every rule
        Variants =
        [
            new ImageVariant("thumb", 200, 200, ImageVariantFormat.WebP, 80),
            new ImageVariant("web", 800, 800, ImageVariantFormat.WebP, 82),
        ],
    };
    #endregion
}
