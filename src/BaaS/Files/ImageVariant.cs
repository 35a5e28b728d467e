namespace BaaS.Files;

/// <summary>
/// A smaller copy of each image a location stores, made by a background job after the upload commits (needs
/// <c>BaaS.Files.Images</c>): fitted inside <see cref="MaxWidth"/> × <see cref="MaxHeight"/> (never enlarged), encoded as
/// <see cref="Format"/>, stored beside the original as <c>{name}.{Name}.{ext}</c>, and its URL written to the row's
/// variant column when done.
/// </summary>
public sealed class ImageVariant
{
    /// <summary>A variant named <paramref name="name"/> (letters, digits and dashes).</summary>
    public ImageVariant(string name, int maxWidth, int maxHeight, ImageVariantFormat format = ImageVariantFormat.WebP, int quality = 80)
    {
        Name = name;
        MaxWidth = maxWidth;
        MaxHeight = maxHeight;
        Format = format;
        Quality = quality;
    }

    /// <summary>For configuration binding.</summary>
    public ImageVariant() { }

    /// <summary>The variant's name (<c>thumb</c>): part of its file name and of its column's conventional name.</summary>
    public string Name { get; set; } = "";

    /// <summary>The most pixels across.</summary>
    public int MaxWidth { get; set; }

    /// <summary>The most pixels down.</summary>
    public int MaxHeight { get; set; }

    /// <summary>The encoding. Default: WebP.</summary>
    public ImageVariantFormat Format { get; set; } = ImageVariantFormat.WebP;

    /// <summary>The encoder's quality, 1-100 (ignored by PNG). Default: 80.</summary>
    public int Quality { get; set; } = 80;

    /// <summary>The file extension of <see cref="Format"/>.</summary>
    public string Extension => Format switch { ImageVariantFormat.Jpeg => "jpg", ImageVariantFormat.Png => "png", _ => "webp" };

    /// <summary>The content type of <see cref="Format"/>.</summary>
    public string ContentType => Format switch { ImageVariantFormat.Jpeg => "image/jpeg", ImageVariantFormat.Png => "image/png", _ => "image/webp" };
}

/// <summary>The encodings an <see cref="ImageVariant"/> can have.</summary>
public enum ImageVariantFormat
{
    /// <summary>WebP (lossy).</summary>
    WebP,
    /// <summary>JPEG.</summary>
    Jpeg,
    /// <summary>PNG (lossless).</summary>
    Png,
}
