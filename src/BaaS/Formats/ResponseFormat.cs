using Microsoft.AspNetCore.Http;

namespace BaaS.Formats;

/// <summary>The formats a response can be written in.</summary>
public enum ResponseFormat
{
    /// <summary>application/json: the default.</summary>
    Json,
    /// <summary>text/csv: a header row and one row per item of the response's list.</summary>
    Csv,
    /// <summary>text/jsonl: one JSON object per line, one per item of the response's list.</summary>
    Jsonl,
}

/// <summary>Chooses the format a request asks for: <c>?format=csv</c> first, then the Accept header.</summary>
internal static class ResponseFormatNegotiation
{
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string JsonlContentType = "text/jsonl; charset=utf-8";
    public const string JsonContentType = "application/json; charset=utf-8";

    /// <summary>Route value keys of the <c>/api/{Name}.{format}</c> endpoint (named so no DTO property binds to them).</summary>
    public const string NameRouteKey = "__name", FormatRouteKey = "__format";

    public static ResponseFormat Negotiate(HttpRequest request)
    {
        if (request.RouteValues.TryGetValue(FormatRouteKey, out var extension) && extension is string ext)
            return ext.ToLowerInvariant() switch { "csv" => ResponseFormat.Csv, "jsonl" => ResponseFormat.Jsonl, _ => ResponseFormat.Json };
        if (request.Query.TryGetValue("format", out var values) && values.Count > 0 && !string.IsNullOrEmpty(values[^1]))
        {
            return values[^1]!.ToLowerInvariant() switch
            {
                "json" => ResponseFormat.Json,
                "csv" => ResponseFormat.Csv,
                "jsonl" or "ndjson" => ResponseFormat.Jsonl,
                var other => throw HttpError.Validation("format", "InvalidValue",
                    $"'{Text.WireFormat.Clip(other)}' is not a supported format: use json, csv or jsonl."),
            };
        }
        var accept = request.Headers.Accept.ToString();
        if (accept.Length == 0 || accept.Contains("application/json", StringComparison.OrdinalIgnoreCase)) return ResponseFormat.Json;
        if (accept.Contains("text/csv", StringComparison.OrdinalIgnoreCase)) return ResponseFormat.Csv;
        if (accept.Contains("jsonl", StringComparison.OrdinalIgnoreCase) || accept.Contains("ndjson", StringComparison.OrdinalIgnoreCase))
            return ResponseFormat.Jsonl;
        return ResponseFormat.Json;
    }
}
