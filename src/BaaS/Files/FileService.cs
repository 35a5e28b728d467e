using System.Security.Claims;
using BaaS.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace BaaS.Files;

/// <summary>
/// The files feature's engine, one per app: stores uploads under the location's rules, deletes files and their
/// variants, signs URLs. <see cref="FileStorage"/> (the <see cref="IFiles"/> of a request) and AutoQuery's CRUD
/// operations go through it.
/// </summary>
internal sealed class FileService(FileLocations locations, TemporaryUploads temporary, UrlSigner signer, TimeProvider clock, ILogger<FileService> logger)
{
    public FileLocations Locations => locations;

    public FileUrls Urls { get; } = new(locations.Options.RoutePrefix);

    public UrlSigner Signer => signer;

    public TimeProvider Clock => clock;

    public TemporaryUploads Temporary => temporary;

    /// <summary>
    /// Stores <paramref name="file"/> in <paramref name="locationName"/>: the write rule (when there is a caller), the
    /// type from the bytes, the size limit, the path from <paramref name="dto"/>. Inside an operation the file is
    /// recorded so a failed call removes it.
    /// </summary>
    public async Task<StoredFile> SaveAsync(HttpContext? context, string locationName, UploadedFile file, object? dto, string field, CancellationToken ct,
        Func<string, object?>? fallback = null)
    {
        var location = locations.Find(locationName) ?? throw new ArgumentException($"There is no file location '{locationName}'.", nameof(locationName));
        var user = context?.User;
        if (user is not null) FileRules.CheckWrite(location, user, field);
        if (file.Length > location.Options.MaxBytes) throw FileErrors.TooLarge(field, location.Options.MaxBytes);

        string? copy = null;
        try
        {
            DetectedType type;
            if (file.DetectedContentType is { } detected && file.Extension is { } extension && location.Options.Allows(detected))
                type = new DetectedType(detected, extension); // inspected by the binder while it streamed
            else
                (type, file, copy) = await InspectAsync(location, file, field, ct).ConfigureAwait(false);

            var path = location.TemplateFor(dto?.GetType()).Render(dto, type.Extension, fallback);
            var info = new StoredObjectInfo(type.ContentType, file.Length, "", clock.GetUtcNow(), user?.GetUserId(), FileKeys.CleanName(file.FileName));
            var content = await file.OpenReadAsync(ct).ConfigureAwait(false);
            StoredObjectInfo stored;
            await using (content.ConfigureAwait(false))
            {
                // A seekable stream (the temporary file of an upload) is passed as it is, so an object store can hash it before
                // sending; any other is counted again while it is copied and cut at the limit, never stored whole.
                var source = content.CanSeek && content.Length - content.Position == file.Length ? content : new LimitedStream(content, location.Options.MaxBytes, field);
                stored = await location.Store.PutAsync(location.KeyOf(path), source, file.Length, info, ct).ConfigureAwait(false);
            }
            if (context is not null) FileScope.Of(context).Stored(location.Name, path);
            Log.Stored(logger, location.Name, path, stored.Length, stored.ContentType);
            return ToStoredFile(location.Name, path, stored);
        }
        finally
        {
            if (copy is not null) TemporaryUploads.Delete(copy);
        }
    }
    /// <summary>
    /// A file built in code (or inspected for another location) is copied once to a temporary file while the inspector
    /// reads it and its bytes are counted: any stream works, seekable or not, and its length is known when it is stored.
    /// </summary>
    private async Task<(DetectedType Type, UploadedFile Copy, string Path)> InspectAsync(ResolvedLocation location, UploadedFile file, string field, CancellationToken ct)
    {
        var path = Path.Combine(temporary.Folder, Guid.NewGuid().ToString("N") + ".upload");
        var ok = false;
        try
        {
            var inspector = new ContentInspector();
            long total = 0;
            var stream = await file.OpenReadAsync(ct).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            await using (var copy = new FileStream(path, FileMode.CreateNew, System.IO.FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous))
            {
                var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(64 * 1024);
                try
                {
                    int read;
                    while ((read = await stream.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0)
                    {
                        total += read;
                        if (total > location.Options.MaxBytes) throw FileErrors.TooLarge(field, location.Options.MaxBytes);
                        inspector.Append(buffer.AsSpan(0, read));
                        await copy.WriteAsync(buffer.AsMemory(0, read), ct).ConfigureAwait(false);
                    }
                }
                finally
                {
                    System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
                }
            }
            ValueTask<Stream> Open(CancellationToken _) => ValueTask.FromResult<Stream>(new FileStream(path, FileMode.Open, System.IO.FileAccess.Read, FileShare.Read | FileShare.Delete, 64 * 1024, FileOptions.Asynchronous));
            var type = await UploadReceiver.Choose(location, inspector, file.ContentType, file.FileName, field, Open, ct).ConfigureAwait(false);
            ok = true;
            return (type, new UploadedFile(file.FileName, file.ContentType, total, Open), path);
        }
        finally
        {
            if (!ok) TemporaryUploads.Delete(path);
        }
    }

    public async Task<StoredFile?> GetAsync(string url, CancellationToken ct)
    {
        if (Resolve(url) is not var (location, path)) return null;
        var info = await location.Store.GetInfoAsync(location.KeyOf(path), ct).ConfigureAwait(false);
        return info is null ? null : ToStoredFile(location.Name, path, info);
    }

    public async Task<Stream?> OpenReadAsync(string url, CancellationToken ct)
    {
        if (Resolve(url) is not var (location, path)) return null;
        var stored = await location.Store.OpenAsync(location.KeyOf(path), 0, null, ct).ConfigureAwait(false);
        return stored?.Content;
    }

    /// <summary>Deletes a file and its variants; a failure is logged, never thrown (it runs after the answer is decided).</summary>
    public async Task DeleteQuietlyAsync(string locationName, string path, CancellationToken ct)
    {
        if (locations.Find(locationName) is not { } location) return;
        foreach (var key in KeysWithVariants(location, path))
        {
            try
            {
                await location.Store.DeleteAsync(key, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Log.DeleteFailed(logger, key, e);
            }
        }
        Log.Deleted(logger, locationName, path);
    }

    public Task DeleteQuietlyAsync(string url, CancellationToken ct) =>
        Urls.Parse(url) is var (location, path) ? DeleteQuietlyAsync(location, path, ct) : Task.CompletedTask;

    public string SignUrl(string url, TimeSpan? lifetime)
    {
        if (Urls.Parse(url) is not var (location, path) || locations.Find(location) is null)
            throw new ArgumentException($"'{Text.WireFormat.Clip(url)}' is not the URL of a stored file.", nameof(url));
        var options = locations.Options;
        var life = lifetime ?? options.SignedUrlLifetime;
        if (life <= TimeSpan.Zero || life > options.MaxSignedUrlLifetime) life = options.MaxSignedUrlLifetime;
        return Urls.Of(location, path) + signer.Sign(location, path, clock.GetUtcNow() + life);
    }

    /// <summary>The variant path of <paramref name="path"/>: <c>a/b/x.png</c> and <c>thumb</c> (WebP) give <c>a/b/x.thumb.webp</c>.</summary>
    public static string VariantPath(string path, ImageVariant variant)
    {
        var dot = path.LastIndexOf('.');
        var slash = path.LastIndexOf('/');
        var stem = dot > slash + 1 ? path[..dot] : path;
        return $"{stem}.{variant.Name}.{variant.Extension}";
    }

    private static IEnumerable<string> KeysWithVariants(ResolvedLocation location, string path)
    {
        yield return location.KeyOf(path);
        foreach (var variant in location.Options.Variants) yield return location.KeyOf(VariantPath(path, variant));
    }

    private (ResolvedLocation Location, string Path)? Resolve(string url) =>
        Urls.Parse(url) is var (name, path) && locations.Find(name) is { } location ? (location, path) : null;

    private StoredFile ToStoredFile(string location, string path, StoredObjectInfo info) => new()
    {
        Location = location,
        Path = path,
        Url = Urls.Of(location, path),
        ContentType = info.ContentType,
        Length = info.Length,
        ETag = info.ETag,
        LastModified = info.LastModified,
        OwnerId = info.OwnerId,
        OriginalName = info.OriginalName,
    };

    public static string? UserIdOf(ClaimsPrincipal? user) => user?.GetUserId();
}
