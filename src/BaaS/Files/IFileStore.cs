namespace BaaS.Files;

/// <summary>
/// Where stored files live: the local disk (<see cref="LocalFileStore"/>, the default) or an S3-compatible object store
/// (<c>BaaS.Files.S3</c>). Keys are paths the files feature made (<c>menu-photos/restaurants/1/3f2a....png</c>):
/// segments of letters, digits, dots, dashes and underscores, never <c>..</c>. Register one in DI as
/// <see cref="IFileStore"/>; locations pick it by <see cref="Name"/>.
/// </summary>
public interface IFileStore
{
    /// <summary>The name locations use to pick the store (<c>local</c>, <c>s3</c>).</summary>
    string Name { get; }

    /// <summary>What kind of store it is, for the metadata (<c>disk</c>, <c>s3</c>): never a path, a host or a credential.</summary>
    string Kind { get; }

    /// <summary>Stores <paramref name="length"/> bytes of <paramref name="content"/> under <paramref name="key"/>, replacing what was there; answers what was stored.</summary>
    Task<StoredObjectInfo> PutAsync(string key, Stream content, long length, StoredObjectInfo info, CancellationToken cancellationToken);

    /// <summary>
    /// Opens the object for reading from <paramref name="offset"/>, at most <paramref name="length"/> bytes (all when
    /// null); null when there is no such object.
    /// </summary>
    Task<StoredObject?> OpenAsync(string key, long offset, long? length, CancellationToken cancellationToken);

    /// <summary>What is known of the object, or null when there is none.</summary>
    Task<StoredObjectInfo?> GetInfoAsync(string key, CancellationToken cancellationToken);

    /// <summary>Deletes the object; deleting one that is not there is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);
}

/// <summary>What a store knows of an object.</summary>
/// <param name="ContentType">The content type found in its bytes.</param>
/// <param name="Length">Its length in bytes.</param>
/// <param name="ETag">Its entity tag, quoted (<c>"5d41..."</c>); a store fills it when storing.</param>
/// <param name="LastModified">When it was stored.</param>
/// <param name="OwnerId">The id of the user who uploaded it, or null.</param>
/// <param name="OriginalName">The sender's file name, cleaned (metadata only).</param>
public sealed record StoredObjectInfo(string ContentType, long Length, string ETag, DateTimeOffset LastModified, string? OwnerId, string? OriginalName);

/// <summary>An open object: what is known of it and its content (from the requested offset). Dispose it.</summary>
/// <param name="Info">The object's info (its full length).</param>
/// <param name="Content">The content stream.</param>
public sealed record StoredObject(StoredObjectInfo Info, Stream Content) : IAsyncDisposable
{
    /// <inheritdoc />
    public ValueTask DisposeAsync() => Content.DisposeAsync();
}
