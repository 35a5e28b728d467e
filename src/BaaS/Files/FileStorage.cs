using Microsoft.AspNetCore.Http;

namespace BaaS.Files;

/// <summary>The <see cref="IFiles"/> of one request (or of code outside any request, with no caller to check).</summary>
internal sealed class FileStorage(FileService files, HttpContext? context) : IFiles
{
    public Task<StoredFile> SaveAsync(string location, UploadedFile file, object? dto = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        return files.SaveAsync(context, location, file, dto, "file", cancellationToken);
    }

    public Task<StoredFile?> GetAsync(string url, CancellationToken cancellationToken = default) => files.GetAsync(url, cancellationToken);

    public Task<Stream?> OpenReadAsync(string url, CancellationToken cancellationToken = default) => files.OpenReadAsync(url, cancellationToken);

    public Task DeleteAsync(string url, CancellationToken cancellationToken = default) => files.DeleteQuietlyAsync(url, cancellationToken);

    public Task DeleteWhenDone(string url, CancellationToken cancellationToken = default)
    {
        if (context is null) return files.DeleteQuietlyAsync(url, cancellationToken);
        FileScope.Of(context).DeleteWhenDone(url);
        return Task.CompletedTask;
    }

    public string SignUrl(string url, TimeSpan? lifetime = null) => files.SignUrl(url, lifetime);
}
