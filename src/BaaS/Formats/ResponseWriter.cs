using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace BaaS.Formats;

/// <summary>
/// Writes what a service returned: a DTO as JSON (or CSV / JSON Lines when asked), null or a void operation as 204,
/// an <see cref="HttpResult"/> with its status and headers, an ASP.NET Core <see cref="IResult"/> as itself, a string
/// as text, bytes or a stream as they are.
/// </summary>
internal sealed class ResponseWriter(JsonSerializerOptions json)
{
    private const int FlushThreshold = 32 * 1024;

    public async Task WriteAsync(HttpContext context, object? result, ResponseFormat format)
    {
        var response = context.Response;
        var status = StatusCodes.Status200OK;
        if (result is HttpResult httpResult)
        {
            status = httpResult.StatusCode;
            foreach (var (name, value) in httpResult.Headers) response.Headers[name] = value;
            result = httpResult.Response;
        }

        switch (result)
        {
            case IResult aspNetResult:
                await aspNetResult.ExecuteAsync(context).ConfigureAwait(false);
                return;
            case null:
                response.StatusCode = status == StatusCodes.Status200OK ? StatusCodes.Status204NoContent : status;
                return;
            case string text:
                response.StatusCode = status;
                response.ContentType = "text/plain; charset=utf-8";
                await response.WriteAsync(text, context.RequestAborted).ConfigureAwait(false);
                return;
            case byte[] bytes:
                response.StatusCode = status;
                response.ContentType ??= "application/octet-stream";
                await response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
                return;
            case Stream stream:
                response.StatusCode = status;
                response.ContentType ??= "application/octet-stream";
                await using (stream.ConfigureAwait(false))
                    await stream.CopyToAsync(response.Body, context.RequestAborted).ConfigureAwait(false);
                return;
        }

        response.StatusCode = status;
        response.ContentType = ContentTypeOf(format);
        await WriteBodyAsync(response.BodyWriter, result, format, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>
    /// The bytes and content type <see cref="WriteAsync"/> would write for a DTO or a string, or null for what is not
    /// a plain body (null, bytes, a stream, an ASP.NET Core result): what the response cache keeps.
    /// </summary>
    public async Task<(byte[] Body, string ContentType)?> RenderAsync(object? result, ResponseFormat format, CancellationToken cancellationToken)
    {
        switch (result)
        {
            case null or IResult or byte[] or Stream:
                return null;
            case string text:
                return (Encoding.UTF8.GetBytes(text), "text/plain; charset=utf-8");
        }
        using var buffer = new MemoryStream();
        var writer = PipeWriter.Create(buffer, new StreamPipeWriterOptions(leaveOpen: true));
        await WriteBodyAsync(writer, result, format, cancellationToken).ConfigureAwait(false);
        await writer.CompleteAsync().ConfigureAwait(false);
        return (buffer.ToArray(), ContentTypeOf(format));
    }

    private static string ContentTypeOf(ResponseFormat format) => format switch
    {
        ResponseFormat.Csv => ResponseFormatNegotiation.CsvContentType,
        ResponseFormat.Jsonl => ResponseFormatNegotiation.JsonlContentType,
        _ => ResponseFormatNegotiation.JsonContentType,
    };

    private Task WriteBodyAsync(PipeWriter writer, object result, ResponseFormat format, CancellationToken cancellationToken) => format switch
    {
        ResponseFormat.Csv => WriteCsvAsync(writer, result, cancellationToken),
        ResponseFormat.Jsonl => WriteJsonLinesAsync(writer, result, cancellationToken),
        _ => JsonSerializer.SerializeAsync(writer, result, json.GetTypeInfo(result.GetType()), cancellationToken),
    };

    /// <summary>Writes a body-less JSON value (the error path uses this too).</summary>
    public Task WriteJsonAsync(HttpContext context, object value, int status)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = ResponseFormatNegotiation.JsonContentType;
        return JsonSerializer.SerializeAsync(context.Response.BodyWriter, value, json.GetTypeInfo(value.GetType()), context.RequestAborted);
    }

    private async Task WriteCsvAsync(PipeWriter writer, object result, CancellationToken cancellationToken)
    {
        var shape = RowShape.Of(result.GetType());
        var columns = CsvColumns.Of(shape.RowType);
        var line = new StringBuilder(256);
        columns.AppendHeader(line);
        foreach (var row in shape.Rows(result))
        {
            if (row is not null) columns.AppendRow(line, row, json);
            if (line.Length >= FlushThreshold) await FlushAsync(writer, line, cancellationToken).ConfigureAwait(false);
        }
        await FlushAsync(writer, line, cancellationToken).ConfigureAwait(false);
    }

    private async Task WriteJsonLinesAsync(PipeWriter writer, object result, CancellationToken cancellationToken)
    {
        var shape = RowShape.Of(result.GetType());
        var typeInfo = json.GetTypeInfo(shape.RowType);
        await using var jsonWriter = new Utf8JsonWriter(writer, new JsonWriterOptions { Encoder = json.Encoder, SkipValidation = true });
        foreach (var row in shape.Rows(result))
        {
            if (row is null) continue;
            JsonSerializer.Serialize(jsonWriter, row, row.GetType() == shape.RowType ? typeInfo : json.GetTypeInfo(row.GetType()));
            jsonWriter.Flush();
            jsonWriter.Reset();
            writer.Write("\n"u8);
            if (writer.UnflushedBytes >= FlushThreshold) await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async ValueTask FlushAsync(PipeWriter writer, StringBuilder text, CancellationToken cancellationToken)
    {
        foreach (var chunk in text.GetChunks()) Encoding.UTF8.GetBytes(chunk.Span, writer);
        text.Clear();
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
