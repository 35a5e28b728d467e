using Microsoft.AspNetCore.Http;

namespace BaaS.Files;

/// <summary>
/// The files one operation call stored and the files it asked to delete once it succeeds, kept on its
/// <see cref="HttpContext"/>. <see cref="FilesFilter"/> settles it when the call ends: a failed (or rolled-back) call
/// removes what it stored, a successful one removes what it replaced. No orphans either way.
/// </summary>
internal sealed class FileScope
{
    private readonly List<(string Location, string Path)> _stored = [];
    private readonly List<string> _deleteWhenDone = [];

    /// <summary>The scope of <paramref name="context"/>'s call, made on first use.</summary>
    public static FileScope Of(HttpContext context)
    {
        var scope = context.Features.Get<FileScope>();
        if (scope is null)
        {
            scope = new FileScope();
            context.Features.Set(scope);
        }
        return scope;
    }

    public void Stored(string location, string path)
    {
        lock (_stored) _stored.Add((location, path));
    }

    public void DeleteWhenDone(string url)
    {
        lock (_deleteWhenDone) _deleteWhenDone.Add(url);
    }

    /// <summary>Removes the stored files (<paramref name="failed"/>) or the replaced ones (succeeded).</summary>
    public async Task SettleAsync(FileService files, bool failed)
    {
        // The caller may be gone: the clean-up must still run.
        var ct = CancellationToken.None;
        if (failed)
        {
            foreach (var (location, path) in _stored) await files.DeleteQuietlyAsync(location, path, ct).ConfigureAwait(false);
        }
        else
        {
            foreach (var url in _deleteWhenDone) await files.DeleteQuietlyAsync(url, ct).ConfigureAwait(false);
        }
        _stored.Clear();
        _deleteWhenDone.Clear();
    }
}
