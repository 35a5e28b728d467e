namespace BaaS.Files.Images;

/// <summary>Limits on the images variants are made of: anything larger fails its job before it is decoded.</summary>
public sealed class ImageVariantOptions
{
    /// <summary>The most pixels (width × height) an image may have. Default: 50 million (a decompression bomb declares far more).</summary>
    public long MaxPixels { get; set; } = 50_000_000;

    /// <summary>The widest or tallest an image may be, in pixels. Default: 20,000.</summary>
    public int MaxDimension { get; set; } = 20_000;

    /// <summary>Retries of a failed variant job (a store or database outage); a bad image is never retried. Default: 2.</summary>
    public int RetryLimit { get; set; } = 2;
}
