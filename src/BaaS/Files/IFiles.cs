namespace BaaS.Files;

/// <summary>
/// Stores and manages files for hand-written services, with the same rules as AutoQuery's uploads: the location's
/// write rule, content types decided by the bytes, its size limit and path template. Inside an operation, a file stored
/// by a call that then fails is removed again (no orphans), and files handed to <see cref="DeleteWhenDone"/> are
/// removed only once the call succeeded (after its transaction committed). Use <c>Service.Files</c> in a service, or
/// resolve it from DI.
/// </summary>
public interface IFiles
{
    /// <summary>
    /// Stores <paramref name="file"/> in <paramref name="location"/>, its path made from <paramref name="dto"/>'s values by
    /// the location's template. Throws <see cref="HttpError"/> (401/403/413/415/400) when the rules refuse it.
    /// </summary>
    Task<StoredFile> SaveAsync(string location, UploadedFile file, object? dto = null, CancellationToken cancellationToken = default);

    /// <summary>What is known of the stored file at <paramref name="url"/> (as stored in a row), or null.</summary>
    Task<StoredFile?> GetAsync(string url, CancellationToken cancellationToken = default);

    /// <summary>The content of the stored file at <paramref name="url"/>, or null when there is none. Dispose it.</summary>
    Task<Stream?> OpenReadAsync(string url, CancellationToken cancellationToken = default);

    /// <summary>Deletes the stored file at <paramref name="url"/> (and its image variants) now.</summary>
    Task DeleteAsync(string url, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes the stored file at <paramref name="url"/> (and its variants) when the current operation has succeeded: for
    /// a file a row no longer points to (replaced or deleted). Outside an operation, at once.
    /// </summary>
    Task DeleteWhenDone(string url, CancellationToken cancellationToken = default);

    /// <summary>A URL of the stored file that works without signing in until it expires (default: the configured lifetime).</summary>
    string SignUrl(string url, TimeSpan? lifetime = null);
}
