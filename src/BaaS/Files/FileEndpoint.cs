using System.Globalization;
using BaaS.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace BaaS.Files;

/// <summary>
/// Serves stored files: <c>GET|HEAD {prefix}/{location}/{**path}</c>. A public location's files to anyone; a private
/// one's after its read rule (401 anonymous, 403 otherwise) or with a valid signed URL (403 once it expired). Answers
/// carry Content-Type, Content-Length, ETag, Last-Modified, Accept-Ranges and Cache-Control; If-None-Match and
/// If-Modified-Since answer 304; a single <c>Range</c> answers 206 (416 when it lies outside the file).
/// </summary>
internal sealed class FileEndpoint(FileService files)
{
    public async Task HandleAsync(HttpContext context)
    {
        var locationName = context.Request.RouteValues["location"] as string ?? "";
        var path = context.Request.RouteValues["path"] as string ?? "";
        if (files.Locations.Find(locationName) is not { } location || !FileKeys.IsSafeKey(path))
        {
            await ErrorAsync(context, 404, "NotFound", "There is no such file.").ConfigureAwait(false);
            return;
        }
        var key = location.KeyOf(path);
        var query = context.Request.Query;
        var signed = query.ContainsKey(UrlSigner.SignatureKey);
        if (signed && !files.Signer.Verify(location.Name, path, query[UrlSigner.ExpiresKey], query[UrlSigner.SignatureKey]))
        {
            await ErrorAsync(context, 403, "Forbidden", "The signed URL is not valid or has expired: ask for a new one.").ConfigureAwait(false);
            return;
        }
        var isPublic = location.Options.Read.IsPublic;
        if (!signed && !isPublic && context.User.Identity?.IsAuthenticated != true && !location.Options.Read.Allows(
                new FileAccessRequest(context.User, location.Name, path, null, IsWrite: false)))
        {
            await ErrorAsync(context, 401, "Unauthorized", "Sign in to read this file, or use a signed URL.").ConfigureAwait(false);
            return;
        }

        var info = await location.Store.GetInfoAsync(key, context.RequestAborted).ConfigureAwait(false);
        if (info is null)
        {
            await ErrorAsync(context, 404, "NotFound", "There is no such file.").ConfigureAwait(false);
            return;
        }
        if (!signed && !isPublic && !FileRules.CanRead(location, context.User, path, info.OwnerId))
        {
            await ErrorAsync(context, 403, "Forbidden", "You may not read this file.").ConfigureAwait(false);
            return;
        }

        var response = context.Response;
        var headers = response.Headers;
        headers.ETag = info.ETag;
        headers.LastModified = info.LastModified.ToString("R", CultureInfo.InvariantCulture);
        headers.AcceptRanges = "bytes";
        headers.CacheControl = isPublic && !signed ? $"public, max-age={location.Options.CacheSeconds.ToString(CultureInfo.InvariantCulture)}" : "private, no-store";
        headers.XContentTypeOptions = "nosniff";
        // Uploaded bytes are never a page of this site: nothing in them runs, even if a browser were to render them.
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
        if (!IsInline(info.ContentType))
            headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = info.OriginalName ?? Path.GetFileName(path) }.ToString();

        if (NotModified(context.Request, info))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        var (offset, count, status) = RangeOf(context.Request, info);
        if (status == 416)
        {
            headers.ContentRange = $"bytes */{info.Length.ToString(CultureInfo.InvariantCulture)}";
            await ErrorAsync(context, 416, "RangeNotSatisfiable", "The requested range lies outside the file.").ConfigureAwait(false);
            return;
        }
        response.StatusCode = status;
        response.ContentType = info.ContentType;
        response.ContentLength = count;
        if (status == 206)
            headers.ContentRange = $"bytes {offset.ToString(CultureInfo.InvariantCulture)}-{(offset + count - 1).ToString(CultureInfo.InvariantCulture)}/{info.Length.ToString(CultureInfo.InvariantCulture)}";
        if (HttpMethods.IsHead(context.Request.Method) || count == 0) return;

        var stored = await location.Store.OpenAsync(key, offset, count, context.RequestAborted).ConfigureAwait(false);
        if (stored is null)
        {
            response.Headers.Remove(HeaderNames.ContentRange);
            await ErrorAsync(context, 404, "NotFound", "There is no such file.").ConfigureAwait(false);
            return;
        }
        await using (stored.ConfigureAwait(false))
            await stored.Content.CopyToAsync(response.Body, 64 * 1024, context.RequestAborted).ConfigureAwait(false);
    }

    private static bool IsInline(string contentType) =>
        contentType.StartsWith("image/", StringComparison.Ordinal) || contentType is "application/pdf" or "text/plain" or "text/csv" or "application/json";

    private static bool NotModified(HttpRequest request, StoredObjectInfo info)
    {
        var headers = request.GetTypedHeaders();
        if (headers.IfNoneMatch is { Count: > 0 } tags)
            return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Tag.Equals(info.ETag, StringComparison.Ordinal) || t.Tag.Equals("W/" + info.ETag, StringComparison.Ordinal));
        return headers.IfModifiedSince is { } since && info.LastModified <= since;
    }

    /// <summary>The bytes to send: all (200), one range (206), or none fit (416). Several ranges, or a stale If-Range, get the whole file.</summary>
    private static (long Offset, long Count, int Status) RangeOf(HttpRequest request, StoredObjectInfo info)
    {
        var length = info.Length;
        var headers = request.GetTypedHeaders();
        if (headers.Range is not { Unit.Value: "bytes", Ranges.Count: 1 } range) return (0, length, 200);
        if (headers.IfRange is { } ifRange && !(ifRange.EntityTag?.Tag.Equals(info.ETag, StringComparison.Ordinal) == true ||
                                                 (ifRange.LastModified is { } at && info.LastModified <= at)))
            return (0, length, 200);
        var item = range.Ranges.First();
        long from, to;
        if (item.From is null)
        {
            if (item.To is not { } suffix || suffix == 0) return (0, 0, 416);
            from = Math.Max(0, length - suffix);
            to = length - 1;
        }
        else
        {
            from = item.From.Value;
            to = Math.Min(item.To ?? length - 1, length - 1);
        }
        if (from >= length || from > to) return (0, 0, 416);
        return (from, to - from + 1, 206);
    }

    private static Task ErrorAsync(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsJsonAsync(new ErrorResponse { ResponseStatus = new ResponseStatus(code, message) }, JsonProtocol.Options, context.RequestAborted);
    }
}
