namespace BaaS;

/// <summary>
/// On a data model's property: the column that receives the URL of an image variant of a file column once the job
/// that makes it is done (<c>[VariantOf(nameof(Photo), "thumb")] public string? PhotoThumbUrl</c>). Without it, the
/// convention is a property named after the file column and the variant (<c>PhotoThumb</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class VariantOfAttribute(string fileProperty, string variant) : Attribute
{
    /// <summary>The model property that holds the original file's URL.</summary>
    public string FileProperty { get; } = fileProperty;

    /// <summary>The variant's name, as the location declares it (<c>thumb</c>).</summary>
    public string Variant { get; } = variant;
}
