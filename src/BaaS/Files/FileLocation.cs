namespace BaaS.Files;

/// <summary>
/// A named place files are uploaded to (<c>[UploadTo("menu-photos")]</c>): which store keeps them, the path each file
/// gets, the content types and size allowed, who may read and write, and the image variants made of each.
/// </summary>
/// <example>
/// <code>
/// options.Locations.Add(new FileLocation("menu-photos")
/// {
///     PathTemplate = "/restaurants/{RestaurantId}/{Guid}.{ext}",
///     AllowedTypes = ["image/png", "image/jpeg", "image/webp"],
///     MaxBytes = 5 * 1024 * 1024,
///     Write = FileAccessRule.Roles("Owner"),
/// });
/// </code>
/// </example>
public sealed class FileLocation
{
    /// <summary>A location named <paramref name="name"/> (letters, digits, dashes and underscores: it is the first segment of its URLs).</summary>
    public FileLocation(string name) => Name = name;

    /// <summary>For configuration binding (the name is the section's key).</summary>
    public FileLocation() { }

    /// <summary>The location's name.</summary>
    public string Name { get; set; } = "";

    /// <summary>The store that keeps its files (<c>local</c>, <c>s3</c>); null for <see cref="FilesOptions.DefaultStore"/>.</summary>
    public string? Store { get; set; }

    /// <summary>
    /// The path of each file inside the location, from the request DTO's values (<c>{RestaurantId}</c>), a new GUID
    /// (<c>{Guid}</c>) and the extension the content decided (<c>{ext}</c>). Default: <c>{Guid}.{ext}</c>. A value that is
    /// not a safe path segment (a slash, <c>..</c>, a control character) refuses the upload with 400 naming the field.
    /// </summary>
    public string PathTemplate { get; set; } = "{Guid}.{ext}";

    /// <summary>
    /// The content types accepted, as found in the bytes (never the name or the declared type): <c>image/png</c>,
    /// <c>image/jpeg</c>, <c>image/gif</c>, <c>image/webp</c>, <c>application/pdf</c>, <c>application/zip</c>,
    /// <c>application/gzip</c>, <c>text/plain</c>, <c>text/csv</c>, <c>application/json</c>, or
    /// <c>application/octet-stream</c> for content of no known type; <c>image/*</c> for every image type. Default: the
    /// four image types.
    /// </summary>
    public List<string> AllowedTypes { get; set; } = ["image/png", "image/jpeg", "image/gif", "image/webp"];

    /// <summary>The largest file accepted, in bytes; the upload is refused (413) at the first byte past it. Default: 10 MiB.</summary>
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Who may read the files. Default: <see cref="FileAccessRule.Public"/>.</summary>
    public FileAccessRule Read { get; set; } = FileAccessRule.Public;

    /// <summary>Who may upload files. Default: <see cref="FileAccessRule.SignedIn"/>.</summary>
    public FileAccessRule Write { get; set; } = FileAccessRule.SignedIn;

    /// <summary>Image variants made of each image stored here (none by default).</summary>
    public List<ImageVariant> Variants { get; set; } = [];

    /// <summary>How long browsers and proxies may keep a public file, in seconds (<c>Cache-Control: public, max-age</c>). Default: 3,600.</summary>
    public int CacheSeconds { get; set; } = 3600;

    /// <summary>True when <paramref name="contentType"/> is allowed here.</summary>
    public bool Allows(string contentType) =>
        AllowedTypes.Any(t => t.Equals(contentType, StringComparison.OrdinalIgnoreCase) ||
                              (t.Equals("image/*", StringComparison.OrdinalIgnoreCase) && contentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase)));
}
