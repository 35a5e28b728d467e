using System.Security.Cryptography;
using System.Text.Json;

namespace BaaS.Files;

/// <summary>
/// Files on the local disk, under one root folder (<c>App_Data/files</c> by default): an object is a file at its key's
/// path, written to a temporary name beside it and moved into place, so a reader never sees half a file; what is known
/// of it (type, owner, entity tag) is a small JSON file under <c>.meta/</c>. Every path is checked to stay inside the
/// root.
/// </summary>
public sealed class LocalFileStore : IFileStore
{
    /// <summary>The store's name: <c>local</c>.</summary>
    public const string StoreName = "local";

    private const string MetaFolder = ".meta";
    private readonly string _root;

    /// <summary>A store rooted at <paramref name="root"/> (created when missing).</summary>
    public LocalFileStore(string root)
    {
        _root = Path.GetFullPath(root);
        Directory.CreateDirectory(_root);
    }

    /// <inheritdoc />
    public string Name => StoreName;

    /// <inheritdoc />
    public string Kind => "disk";

    /// <summary>The root folder.</summary>
    public string Root => _root;

    /// <inheritdoc />
    public async Task<StoredObjectInfo> PutAsync(string key, Stream content, long length, StoredObjectInfo info, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".part";
        try
        {
            byte[] hash;
            long written;
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous))
            using (var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                written = await CopyAsync(content, file, sha, cancellationToken).ConfigureAwait(false);
                hash = sha.GetHashAndReset();
            }
            var stored = info with
            {
                Length = written,
                ETag = "\"" + Convert.ToHexStringLower(hash, 0, 16) + "\"",
                LastModified = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()),
            };
            var meta = MetaOf(key);
            Directory.CreateDirectory(Path.GetDirectoryName(meta)!);
            await File.WriteAllBytesAsync(meta, JsonSerializer.SerializeToUtf8Bytes(stored, Text.JsonProtocol.Options), cancellationToken).ConfigureAwait(false);
            File.Move(temporary, path, overwrite: true);
            return stored;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <inheritdoc />
    public async Task<StoredObject?> OpenAsync(string key, long offset, long? length, CancellationToken cancellationToken)
    {
        var info = await GetInfoAsync(key, cancellationToken).ConfigureAwait(false);
        if (info is null) return null;
        FileStream file;
        try
        {
            file = new FileStream(PathOf(key), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 64 * 1024, FileOptions.Asynchronous);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        file.Position = offset;
        var count = length ?? file.Length - offset;
        return new StoredObject(info, new SliceStream(file, count));
    }

    /// <inheritdoc />
    public async Task<StoredObjectInfo?> GetInfoAsync(string key, CancellationToken cancellationToken)
    {
        var meta = MetaOf(key);
        if (!File.Exists(meta) || !File.Exists(PathOf(key))) return null;
        try
        {
            await using var stream = new FileStream(meta, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 4096, FileOptions.Asynchronous);
            return await JsonSerializer.DeserializeAsync<StoredObjectInfo>(stream, Text.JsonProtocol.Options, cancellationToken).ConfigureAwait(false);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        File.Delete(PathOf(key));
        File.Delete(MetaOf(key));
        return Task.CompletedTask;
    }

    private string PathOf(string key) => Inside(Path.Combine(_root, FileKeys.Checked(key)));

    private string MetaOf(string key) => Inside(Path.Combine(_root, MetaFolder, FileKeys.Checked(key) + ".json"));

    private string Inside(string path)
    {
        var full = Path.GetFullPath(path);
        if (!full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new ArgumentException("The key leads outside the store's folder.", nameof(path));
        return full;
    }

    private static async Task<long> CopyAsync(Stream from, Stream to, IncrementalHash sha, CancellationToken cancellationToken)
    {
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            long total = 0;
            int read;
            while ((read = await from.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                sha.AppendData(buffer, 0, read);
                await to.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                total += read;
            }
            return total;
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
