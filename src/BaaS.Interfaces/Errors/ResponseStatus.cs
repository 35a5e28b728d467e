namespace BaaS;

/// <summary>
/// The error part of every response on the wire: <c>{ "responseStatus": { "errorCode", "message", "errors": [...] } }</c>.
/// Absent (null) on success.
/// </summary>
public class ResponseStatus
{
    /// <summary>Creates an empty status.</summary>
    public ResponseStatus() { }

    /// <summary>Creates a status with an error code and a message.</summary>
    public ResponseStatus(string errorCode, string? message = null)
    {
        ErrorCode = errorCode;
        Message = message;
    }

    /// <summary>A machine-readable code: the exception's type name, or the first field error's code.</summary>
    public string? ErrorCode { get; set; }

    /// <summary>A message for people.</summary>
    public string? Message { get; set; }

    /// <summary>The server's stack trace: only sent in Development.</summary>
    public string? StackTrace { get; set; }

    /// <summary>Errors of individual fields of the request, each naming the field.</summary>
    public List<ResponseError>? Errors { get; set; }

    /// <summary>Any extra data about the error.</summary>
    public Dictionary<string, string>? Meta { get; set; }
}
