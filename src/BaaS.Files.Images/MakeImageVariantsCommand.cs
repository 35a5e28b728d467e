using BaaS.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace BaaS.Files.Images;

/// <summary>
/// Makes the variants of one stored image: reads its header first and refuses (without decoding) an image larger than
/// <see cref="ImageVariantOptions"/> allow, then decodes it once, and for each variant fits it inside the variant's box
/// (never enlarging), encodes it, stores it beside the original and writes its URL into the row, if the row still holds
/// that original (else the variant is removed again). A file that is no image, or a corrupt one, fails the job with
/// <see cref="ImageVariantException"/>; the process and other jobs go on.
/// </summary>
public sealed class MakeImageVariantsCommand(IServiceProvider services) : IAsyncCommand<FileVariantRequest>
{
    /// <inheritdoc />
    public async Task ExecuteAsync(FileVariantRequest arg, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arg);
        var variants = services.GetRequiredService<FileVariants>();
        var limits = services.GetRequiredService<IOptions<ImageVariantOptions>>().Value;
        var job = services.GetService<IJobContext>();
        var original = await variants.OpenOriginalAsync(arg, cancellationToken).ConfigureAwait(false);
        if (original is not var (content, _))
        {
            job?.Log($"The original {arg.Location}/{arg.Path} is gone: nothing to make.");
            return;
        }
        SKData data;
        await using (content.ConfigureAwait(false))
            data = SKData.Create(content) ?? throw new ImageVariantException("NotAnImage", $"{arg.Path} could not be read.");
        using (data)
        {
            using var bitmap = Decode(data, limits, arg.Path);
            foreach (var variant in variants.VariantsOf(arg))
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var encoded = Encode(bitmap, variant);
                using var stream = encoded.AsStream();
                var url = await variants.StoreAsync(arg, variant, stream, encoded.Size, cancellationToken).ConfigureAwait(false);
                var target = arg.Variants.First(t => t.Name.Equals(variant.Name, StringComparison.OrdinalIgnoreCase));
                if (target.Column is not null && !await variants.SetColumnAsync(arg, target, url, cancellationToken).ConfigureAwait(false))
                {
                    // The row no longer holds this original (replaced or deleted meanwhile): its variant would be an orphan.
                    await variants.DeleteAsync(url, cancellationToken).ConfigureAwait(false);
                    job?.Log($"{arg.ModelType?.Split(',')[0]} {arg.RowId} no longer holds {arg.Url}: variant {variant.Name} removed.");
                    continue;
                }
                job?.Log($"Made {variant.Name}: {url} ({encoded.Size:N0} bytes).");
            }
        }
    }

    /// <summary>Reads the header, checks the size it declares, then decodes.</summary>
    private static SKBitmap Decode(SKData data, ImageVariantOptions limits, string path)
    {
        using var codec = SKCodec.Create(data) ?? throw new ImageVariantException("NotAnImage", $"{path} is not an image SkiaSharp can read.");
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width <= 0 || height <= 0 || width > limits.MaxDimension || height > limits.MaxDimension || (long)width * height > limits.MaxPixels)
            throw new ImageVariantException("ImageTooLarge",
                $"{path} declares {width}x{height} pixels, over the limit ({limits.MaxDimension} per side, {limits.MaxPixels:N0} in all): it is not decoded.");
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
        {
            bitmap.Dispose();
            throw new ImageVariantException("CorruptImage", $"{path} could not be decoded ({result}).");
        }
        return bitmap;
    }

    private static SKData Encode(SKBitmap bitmap, ImageVariant variant)
    {
        var scale = Math.Min(1.0, Math.Min((double)variant.MaxWidth / bitmap.Width, (double)variant.MaxHeight / bitmap.Height));
        var width = Math.Max(1, (int)Math.Round(bitmap.Width * scale));
        var height = Math.Max(1, (int)Math.Round(bitmap.Height * scale));
        using var resized = bitmap.Resize(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul), new SKSamplingOptions(SKCubicResampler.Mitchell))
            ?? throw new ImageVariantException("CorruptImage", "The image could not be resized.");
        using var image = SKImage.FromBitmap(resized);
        var format = variant.Format switch
        {
            ImageVariantFormat.Jpeg => SKEncodedImageFormat.Jpeg,
            ImageVariantFormat.Png => SKEncodedImageFormat.Png,
            _ => SKEncodedImageFormat.Webp,
        };
        return image.Encode(format, variant.Quality) ?? throw new ImageVariantException("EncodeFailed", $"The {variant.Name} variant could not be encoded as {variant.Format}.");
    }
}
