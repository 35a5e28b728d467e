using BaaS.DataAnnotations;

namespace BaaS;

/// <summary>
/// One call of an operation, as request logs recorded it (table <c>baas_request_log</c>): an HTTP request, a batch and
/// each request in it, or an in-process gateway call. Queried with <see cref="AdminQueryRequestLogs"/>.
/// </summary>
[Alias("baas_request_log")]
[CompositeIndex(nameof(Operation), nameof(Timestamp))]
[CompositeIndex(nameof(StatusCode), nameof(Timestamp))]
[CompositeIndex(nameof(UserId), nameof(Timestamp))]
public class RequestLog
{
    /// <summary>The row's id.</summary>
    [AutoIncrement]
    public long Id { get; set; }

    /// <summary>When the call started (UTC).</summary>
    [Index, Format(ColumnFormat.DateTime)]
    public DateTime Timestamp { get; set; }

    /// <summary>
    /// How the operation was called: <c>Http</c>, <c>Batch</c> (a whole batch, its operation named <c>CreateX[]</c>),
    /// <c>BatchItem</c> (one request of a batch) or <c>Gateway</c> (in-process).
    /// </summary>
    [StringLength(16)]
    public string Kind { get; set; } = "";

    /// <summary>The request DTO's name (<c>CreateX[]</c> for a whole batch).</summary>
    [StringLength(200)]
    public string Operation { get; set; } = "";

    /// <summary>The HTTP verb.</summary>
    [StringLength(10)]
    public string Verb { get; set; } = "";

    /// <summary>The request's path, without its query string.</summary>
    [StringLength(2000)]
    public string Path { get; set; } = "";

    /// <summary>The status the call answered with.</summary>
    public int StatusCode { get; set; }

    /// <summary>How long the call took in the operation pipeline, in milliseconds (writing the response not included).</summary>
    [Format(ColumnFormat.Number)]
    public double DurationMs { get; set; }

    /// <summary>The signed-in user's id, when there was one.</summary>
    [StringLength(256)]
    public string? UserId { get; set; }

    /// <summary>The signed-in user's name, when there was one.</summary>
    [StringLength(256)]
    public string? UserName { get; set; }

    /// <summary>The id of the API key the call was made with (never the key itself).</summary>
    public long? ApiKeyId { get; set; }

    /// <summary>The client's address (a forwarded address only from a trusted proxy).</summary>
    [StringLength(64)]
    public string? ClientIp { get; set; }

    /// <summary>The W3C trace id of the call's activity, when tracing was on.</summary>
    [StringLength(32)]
    public string? TraceId { get; set; }

    /// <summary>Bytes of the response body sent (HTTP calls and whole batches).</summary>
    [Format(ColumnFormat.Bytes)]
    public long? ResponseBytes { get; set; }

    /// <summary>For a request of a batch, its position (from 0).</summary>
    public int? BatchIndex { get; set; }

    /// <summary>The error's code, when the call failed.</summary>
    [StringLength(200)]
    public string? ErrorCode { get; set; }

    /// <summary>The error's message, when the call failed.</summary>
    [StringLength(2000)]
    public string? ErrorMessage { get; set; }

    /// <summary>The request DTO as JSON with secrets withheld, when bodies are recorded (<c>RequestLogs:IncludeBodies</c>).</summary>
    [Format(ColumnFormat.Hidden)]
    public string? RequestBody { get; set; }
}
