using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace BaaS.Ui;

/// <summary>
/// Answers GET and HEAD under a UI's path from its <see cref="EmbeddedAssets"/>: a file by its path (hashed files under
/// <c>assets/</c> cached for a year, the others revalidated by ETag), compressed when the browser accepts it; any other
/// path without a file extension is a page of the app (a deep link such as <c>/admin-ui/data/Restaurant?skip=20</c>)
/// and gets the app's page (<c>index.html</c>), whose router draws it. A missing file is 404. The API Explorer's endpoint
/// serves only its page (<paramref name="files"/> off): its scripts are the Admin UI's, under <c>/admin-ui/assets</c>.
/// </summary>
/// <param name="assets">The built files.</param>
/// <param name="contentSecurityPolicy">The policy of the app's page.</param>
/// <param name="page">The page every extension-less path gets, or null for none.</param>
/// <param name="files">Whether paths name files (with <paramref name="prefix"/> before them).</param>
/// <param name="prefix">Where the route's path sits among the files (<c>assets/</c> for a route of the assets alone).</param>
internal sealed class UiEndpoint(EmbeddedAssets assets, string contentSecurityPolicy, string? page = "index.html", bool files = true, string prefix = "")
{
    private const string Immutable = "public, max-age=31536000, immutable";
    private const string Revalidate = "no-cache";

    public Task HandleAsync(HttpContext context)
    {
        var path = (context.Request.RouteValues["path"] as string ?? "").TrimStart('/');
        EmbeddedAsset? asset = null;
        if (!files || !assets.TryGet(prefix + path, out asset))
        {
            var isPage = path.Length == 0 || !System.IO.Path.GetFileName(path).Contains('.', StringComparison.Ordinal);
            if (!isPage || page is null || !assets.TryGet(page, out asset))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }
        }

        var response = context.Response;
        var headers = response.Headers;
        headers.CacheControl = asset.Path.StartsWith("assets/", StringComparison.Ordinal) ? Immutable : Revalidate;
        headers.ETag = asset.ETag;
        headers.XContentTypeOptions = "nosniff";
        // The page's policy goes on the 304 too: a browser updates the cached page's headers from it, and the security
        // headers' middleware, seeing no HTML content type there, would otherwise give it the API's (default-src 'none').
        if (asset.Path.EndsWith(".html", StringComparison.Ordinal)) headers.ContentSecurityPolicy = contentSecurityPolicy;
        if (asset.Compressible) headers.Vary = HeaderNames.AcceptEncoding;

        if (context.Request.Headers.IfNoneMatch.ToString() is { Length: > 0 } match &&
            match.Split(',').Any(m => m.Trim() == asset.ETag || m.Trim() == "*"))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        var body = asset.Content;
        if (asset.Compressible)
        {
            var accepts = context.Request.Headers.AcceptEncoding.ToString();
            if (Accepts(accepts, "br")) { body = asset.Brotli; headers.ContentEncoding = "br"; }
            else if (Accepts(accepts, "gzip")) { body = asset.Gzip; headers.ContentEncoding = "gzip"; }
        }
        response.ContentType = asset.ContentType;
        response.ContentLength = body.Length;
        return HttpMethods.IsHead(context.Request.Method) ? Task.CompletedTask : response.Body.WriteAsync(body).AsTask();
    }

    /// <summary>Whether an Accept-Encoding header takes <paramref name="coding"/> (listed, and not with q=0).</summary>
    internal static bool Accepts(string header, string coding)
    {
        foreach (var part in header.Split(','))
        {
            var pieces = part.Split(';');
            if (!string.Equals(pieces[0].Trim(), coding, StringComparison.OrdinalIgnoreCase)) continue;
            var q = pieces.Skip(1).Select(p => p.Trim()).FirstOrDefault(p => p.StartsWith("q=", StringComparison.OrdinalIgnoreCase));
            return q is null || !double.TryParse(q[2..], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var weight) || weight > 0;
        }
        return false;
    }
}
