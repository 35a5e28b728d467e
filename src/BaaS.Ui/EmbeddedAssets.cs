using System.Collections.Frozen;
using System.IO.Compression;
using System.Reflection;
using System.Security.Cryptography;
using Microsoft.AspNetCore.StaticFiles;

namespace BaaS.Ui;

/// <summary>
/// The built assets embedded in this assembly (each resource named by its path under wwwroot), read once at startup:
/// content, type and ETag per file; gzip and Brotli copies are made on first request and kept.
/// </summary>
internal sealed class EmbeddedAssets
{
    private readonly FrozenDictionary<string, EmbeddedAsset> _assets;

    private static readonly Lazy<EmbeddedAssets> BrowserApps = new(() => Load(typeof(EmbeddedAssets).Assembly, "admin-ui/"));

    private EmbeddedAssets(FrozenDictionary<string, EmbeddedAsset> assets) => _assets = assets;

    /// <summary>
    /// The one build of the Admin UI and the API Explorer (two pages, <c>index.html</c> and <c>ui.html</c>, sharing their
    /// scripts under <c>assets/</c>), loaded once for both.
    /// </summary>
    public static EmbeddedAssets Apps => BrowserApps.Value;

    /// <summary>The files under <paramref name="prefix"/> (e.g. <c>admin-ui/</c>), by their path below it.</summary>
    public static EmbeddedAssets Load(Assembly assembly, string prefix)
    {
        var types = new FileExtensionContentTypeProvider();
        var assets = new Dictionary<string, EmbeddedAsset>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith(prefix, StringComparison.Ordinal)) continue;
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var path = name[prefix.Length..];
            var type = types.TryGetContentType(path, out var known) ? known : "application/octet-stream";
            if (type.StartsWith("text/", StringComparison.Ordinal) || type is "application/javascript" or "text/javascript" or "image/svg+xml" or "application/json")
                type += "; charset=utf-8";
            assets[path] = new EmbeddedAsset(path, copy.ToArray(), type);
        }
        return new EmbeddedAssets(assets.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>The paths of every file.</summary>
    public IEnumerable<string> Paths => _assets.Keys;

    public bool TryGet(string path, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out EmbeddedAsset asset) => _assets.TryGetValue(path, out asset!);
}

/// <summary>One embedded file.</summary>
internal sealed class EmbeddedAsset
{
    private readonly Lazy<byte[]> _gzip;
    private readonly Lazy<byte[]> _brotli;

    public EmbeddedAsset(string path, byte[] content, string contentType)
    {
        Path = path;
        Content = content;
        ContentType = contentType;
        ETag = "\"" + Convert.ToBase64String(SHA256.HashData(content), 0, 16).TrimEnd('=').Replace('+', '-').Replace('/', '_') + "\"";
        var compressible = !contentType.StartsWith("image/", StringComparison.Ordinal) || contentType.StartsWith("image/svg", StringComparison.Ordinal);
        Compressible = compressible && content.Length > 256;
        _gzip = new Lazy<byte[]>(() => Compress(content, s => new GZipStream(s, CompressionLevel.SmallestSize)));
        _brotli = new Lazy<byte[]>(() => Compress(content, s => new BrotliStream(s, CompressionLevel.SmallestSize)));
    }

    public string Path { get; }

    public byte[] Content { get; }

    public string ContentType { get; }

    /// <summary>A strong ETag from the content.</summary>
    public string ETag { get; }

    /// <summary>Whether a compressed copy is worth sending.</summary>
    public bool Compressible { get; }

    public byte[] Gzip => _gzip.Value;

    public byte[] Brotli => _brotli.Value;

    private static byte[] Compress(byte[] content, Func<Stream, Stream> compressor)
    {
        using var output = new MemoryStream();
        using (var stream = compressor(output)) stream.Write(content);
        return output.ToArray();
    }
}
