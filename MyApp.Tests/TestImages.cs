using SkiaSharp;

namespace MyApp.Tests;

/// <summary>Images for upload tests, made with SkiaSharp (which MyApp's image variants use too), and their sizes read back.</summary>
public static class TestImages
{
    /// <summary>A PNG of <paramref name="width"/> × <paramref name="height"/> pixels: a colour gradient, so every image differs by its seed.</summary>
    public static byte[] Png(int width, int height, int seed = 1)
    {
        using var bitmap = new SKBitmap(width, height);
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
                bitmap.SetPixel(x, y, new SKColor((byte)(x * 255 / width), (byte)(y * 255 / height), (byte)(seed * 37)));
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>The pixel size an encoded image declares.</summary>
    public static (int Width, int Height) SizeOf(byte[] encoded)
    {
        using var codec = SKCodec.Create(new MemoryStream(encoded)) ?? throw new InvalidOperationException("Not an image SkiaSharp can read.");
        return (codec.Info.Width, codec.Info.Height);
    }

    /// <summary>The start of a Linux program (ELF) followed by random bytes: what an executable renamed <c>.png</c> holds.</summary>
    public static byte[] Executable(int length = 4096)
    {
        var bytes = new byte[length];
        Random.Shared.NextBytes(bytes);
        bytes[0] = 0x7F; bytes[1] = (byte)'E'; bytes[2] = (byte)'L'; bytes[3] = (byte)'F';
        return bytes;
    }

    /// <summary>The files under <paramref name="folder"/> whose bytes are <paramref name="content"/> (none when it was never stored).</summary>
    public static List<string> FilesHolding(string folder, byte[] content) =>
        !Directory.Exists(folder) ? [] :
        [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => new FileInfo(f).Length == content.Length && File.ReadAllBytes(f).AsSpan().SequenceEqual(content))];
}
