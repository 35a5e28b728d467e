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
        switch (format)
        {
            case ResponseFormat.Csv:
                await WriteCsvAsync(context, result).ConfigureAwait(false);
                break;
            case ResponseFormat.Jsonl:
                await WriteJsonLinesAsync(context, result).ConfigureAwait(false);
                break;
            default:
                response.ContentType = ResponseFormatNegotiation.JsonContentType;
                await JsonSerializer.SerializeAsync(response.BodyWriter, result, json.GetTypeInfo(result.GetType()), context.RequestAborted).ConfigureAwait(false);
                break;
        }
    }

    /// <summary>Writes a body-less JSON value (the error path uses this too).</summary>
    public Task WriteJsonAsync(HttpContext context, object value, int status)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = ResponseFormatNegotiation.JsonContentType;
        return JsonSerializer.SerializeAsync(context.Response.BodyWriter, value, json.GetTypeInfo(value.GetType()), context.RequestAborted);
    }

    private async Task WriteCsvAsync(HttpContext context, object result)
    {
        var shape = RowShape.Of(result.GetType());
        var columns = CsvColumns.Of(shape.RowType);
        context.Response.ContentType = ResponseFormatNegotiation.CsvContentType;
        var writer = context.Response.BodyWriter;
        var line = new StringBuilder(256);
        columns.AppendHeader(line);
        foreach (var row in shape.Rows(result))
        {
            if (row is not null) columns.AppendRow(line, row, json);
            if (line.Length >= FlushThreshold) await FlushAsync(writer, line, context.RequestAborted).ConfigureAwait(false);
        }
        await FlushAsync(writer, line, context.RequestAborted).ConfigureAwait(false);
    }

    private async Task WriteJsonLinesAsync(HttpContext context, object result)
    {
        var shape = RowShape.Of(result.GetType());
        var typeInfo = json.GetTypeInfo(shape.RowType);
        context.Response.ContentType = ResponseFormatNegotiation.JsonlContentType;
        var writer = context.Response.BodyWriter;
        await using var jsonWriter = new Utf8JsonWriter(writer, new JsonWriterOptions { Encoder = json.Encoder, SkipValidation = true });
        foreach (var row in shape.Rows(result))
        {
            if (row is null) continue;
            JsonSerializer.Serialize(jsonWriter, row, row.GetType() == shape.RowType ? typeInfo : json.GetTypeInfo(row.GetType()));
            jsonWriter.Flush();
            jsonWriter.Reset();
            writer.Write("\n"u8);
            if (writer.UnflushedBytes >= FlushThreshold) await writer.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        }
        await writer.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    private static async ValueTask FlushAsync(PipeWriter writer, StringBuilder text, CancellationToken cancellationToken)
    {
        foreach (var chunk in text.GetChunks()) Encoding.UTF8.GetBytes(chunk.Span, writer);
        text.Clear();
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
