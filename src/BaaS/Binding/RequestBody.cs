using System.IO.Pipelines;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace BaaS.Binding;

/// <summary>Reads a request body whole, refusing with 413 as soon as it passes the configured limit.</summary>
internal static class RequestBody
{
    /// <summary>
    /// Refuses a declared length over the limit at once. A limit above the server's own (Kestrel: 30 MB) raises the
    /// server's; a lower one is checked here as the body is read, so the server's cap is never lowered: when the
    /// server itself refuses a body it drops the connection, while a refusal from here lets it drain the rest of the
    /// body and the client reads its 413.
    /// </summary>
    public static void ApplyLimit(HttpContext context, long limit)
    {
        if (context.Request.ContentLength > limit) throw TooLarge(limit);
        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false, MaxRequestBodySize: { } serverLimit } && serverLimit < limit) feature.MaxRequestBodySize = limit;
    }

    /// <summary>
    /// Buffers the whole body in the request's pipe. The caller parses <see cref="ReadResult.Buffer"/> and then must call
    /// <c>BodyReader.AdvanceTo(result.Buffer.End)</c>.
    /// </summary>
    public static async ValueTask<ReadResult> ReadAllAsync(HttpContext context, long limit)
    {
        ApplyLimit(context, limit);
        var reader = context.Request.BodyReader;
        while (true)
        {
            var result = await reader.ReadAsync(context.RequestAborted).ConfigureAwait(false);
            if (result.Buffer.Length > limit)
            {
                reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
                throw TooLarge(limit);
            }
            if (result.IsCompleted) return result;
            reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
        }
    }

    private static HttpError TooLarge(long limit) =>
        new(413, "RequestTooLarge", $"The request body is larger than the limit of {limit:N0} bytes.");
}
