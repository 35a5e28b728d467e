namespace BaaS;

/// <summary>
/// The request log, newest first, with filters (Admin only). Any AutoQuery parameter works too: <c>orderBy</c>,
/// <c>skip</c>/<c>take</c>, <c>include=total</c>, <c>fields</c>, <c>format=csv</c>.
/// </summary>
[Tag("Admin"), ValidateIsAdmin]
public class AdminQueryRequestLogs : QueryDb<RequestLog>
{
    /// <summary>Calls that started at or after this time (UTC).</summary>
    [QueryDbField(Field = nameof(RequestLog.Timestamp), Operand = ">=")]
    public DateTime? From { get; set; }

    /// <summary>Calls that started before this time (UTC).</summary>
    [QueryDbField(Field = nameof(RequestLog.Timestamp), Operand = "<")]
    public DateTime? To { get; set; }

    /// <summary>Calls of this operation.</summary>
    public string? Operation { get; set; }

    /// <summary>Calls made this way: <c>Http</c>, <c>Batch</c>, <c>BatchItem</c> or <c>Gateway</c>.</summary>
    public string? Kind { get; set; }

    /// <summary>Calls that answered this status.</summary>
    public int? StatusCode { get; set; }

    /// <summary>Calls that answered this status or a higher one (400: every error).</summary>
    public int? MinStatusCode { get; set; }

    /// <summary>Calls that answered this status or a lower one.</summary>
    public int? MaxStatusCode { get; set; }

    /// <summary>Calls by this user (id).</summary>
    public string? UserId { get; set; }

    /// <summary>Calls by this user (name).</summary>
    public string? UserName { get; set; }

    /// <summary>Calls made with this API key (id).</summary>
    public long? ApiKeyId { get; set; }

    /// <summary>Calls from this address.</summary>
    public string? ClientIp { get; set; }

    /// <summary>Calls of this trace.</summary>
    public string? TraceId { get; set; }

    /// <summary>Calls that failed with this error code.</summary>
    public string? ErrorCode { get; set; }

    /// <summary>Calls whose duration was at least this many milliseconds.</summary>
    [QueryDbField(Field = nameof(RequestLog.DurationMs), Operand = ">=")]
    public double? MinDurationMs { get; set; }

    /// <summary>Text found (ignoring case) in the path or the error message; at most 200 characters.</summary>
    [AutoIgnore]
    public string? Search { get; set; }

    /// <summary>Newest first unless the caller orders otherwise.</summary>
    public override string? OrderBy { get; set; } = "-Timestamp,-Id";
}
