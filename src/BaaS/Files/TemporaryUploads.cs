using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace BaaS.Files;

/// <summary>
/// The folder where uploads wait while their request runs: each file is removed when the request ends (its response
/// is disposed), whether it succeeded or not.
/// </summary>
internal sealed class TemporaryUploads
{
    public TemporaryUploads(IOptions<FilesOptions> options)
    {
        Folder = Path.GetFullPath(options.Value.TempPath ?? Path.Combine(Path.GetTempPath(), "baas-uploads"));
        Directory.CreateDirectory(Folder);
    }

    /// <summary>The folder.</summary>
    public string Folder { get; }

    /// <summary>A new file name in the folder, removed when <paramref name="context"/>'s response is disposed.</summary>
    public string Create(HttpContext context)
    {
        var path = Path.Combine(Folder, Guid.NewGuid().ToString("N") + ".upload");
        context.Response.RegisterForDispose(new Removal(path));
        return path;
    }

    /// <summary>Removes a file, quietly when it is already gone.</summary>
    public static void Delete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // still open somewhere (a reader that has not finished): the request-end removal tries again
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private sealed class Removal(string path) : IDisposable
    {
        public void Dispose() => Delete(path);
    }
}
