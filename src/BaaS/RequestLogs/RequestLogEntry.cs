using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Http;

namespace BaaS.RequestLogs;

/// <summary>
/// A call as the filter saw it, waiting in the queue: what costs to format (the address, the trace id) is kept raw and
/// formatted by the writer, off the request path. An HTTP call's entry waits for its response to complete (for the
/// status sent and the bytes written) before it is queued.
/// </summary>
internal sealed class RequestLogEntry
{
    public DateTime Timestamp;
    public string Kind = "";
    public string Operation = "";
    public string Verb = "";
    public string Path = "";
    public int StatusCode;
    public double DurationMs;
    public string? UserId;
    public string? UserName;
    public long? ApiKeyId;
    public IPAddress? ClientIp;
    public ActivityTraceId? TraceId;
    public long? ResponseBytes;
    public int? BatchIndex;
    public string? ErrorCode;
    public string? ErrorMessage;
    public string? RequestBody;

    // While an HTTP call's response is being written.
    public HttpContext? Pending;
    public ResponseByteCounter? Counter;
    public RequestLogQueue? Queue;

    /// <summary>The entry as a row: strings cut to their columns' lengths, the address and trace id formatted.</summary>
    public RequestLog ToRow() => new()
    {
        Timestamp = Timestamp,
        Kind = Kind,
        Operation = Cut(Operation, 200)!,
        Verb = Cut(Verb, 10)!,
        Path = Cut(Path, 2000)!,
        StatusCode = StatusCode,
        DurationMs = Math.Round(DurationMs, 3),
        UserId = Cut(UserId, 256),
        UserName = Cut(UserName, 256),
        ApiKeyId = ApiKeyId,
        ClientIp = ClientIp is null ? null : Cut((ClientIp.IsIPv4MappedToIPv6 ? ClientIp.MapToIPv4() : ClientIp).ToString(), 64),
        TraceId = TraceId?.ToHexString(),
        ResponseBytes = ResponseBytes,
        BatchIndex = BatchIndex,
        ErrorCode = Cut(ErrorCode, 200),
        ErrorMessage = Cut(ErrorMessage, 2000),
        RequestBody = RequestBody,
    };

    /// <summary>At most <paramref name="length"/> characters (the column's declared length), a cut one ending with <c>…</c>.</summary>
    public static string? Cut(string? text, int length) =>
        text is null || text.Length <= length ? text : string.Concat(text.AsSpan(0, length - 1), "…");
}
