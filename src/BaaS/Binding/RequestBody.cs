using System.IO.Pipelines;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace BaaS.Binding;

/// <summary>Reads a request body whole, refusing with 413 as soon as it passes the configured limit.</summary>
internal static class RequestBody
{
    /// <summary>Refuses a declared length over the limit at once and tells the server to stop reading past it.</summary>
    public static void ApplyLimit(HttpContext context, long limit)
    {
        if (context.Request.ContentLength > limit) throw TooLarge(limit);
        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false }) feature.MaxRequestBodySize = limit;
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
