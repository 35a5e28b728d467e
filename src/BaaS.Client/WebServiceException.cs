namespace BaaS.Client;

/// <summary>
/// A request that failed: the HTTP status and the server's <see cref="BaaS.ResponseStatus"/>, with field errors by name.
/// </summary>
public class WebServiceException : Exception
{
    /// <summary>Creates the exception for a failed response.</summary>
    public WebServiceException(int statusCode, string statusDescription, ResponseStatus responseStatus, string? responseBody)
        : base(responseStatus.Message ?? statusDescription)
    {
        StatusCode = statusCode;
        StatusDescription = statusDescription;
        ResponseStatus = responseStatus;
        ResponseBody = responseBody;
    }

    /// <summary>The HTTP status code, e.g. 400.</summary>
    public int StatusCode { get; }

    /// <summary>The HTTP reason phrase, e.g. "Bad Request".</summary>
    public string StatusDescription { get; }

    /// <summary>The error the server sent (or one made from the status when the body held none).</summary>
    public ResponseStatus ResponseStatus { get; }

    /// <summary>The raw response body.</summary>
    public string? ResponseBody { get; }

    /// <summary>The server's error code, e.g. <c>NotFound</c> or a validation code.</summary>
    public string? ErrorCode => ResponseStatus.ErrorCode;

    /// <summary>The server's message.</summary>
    public string? ErrorMessage => ResponseStatus.Message;

    /// <summary>The server's stack trace (only sent in Development).</summary>
    public string? ServerStackTrace => ResponseStatus.StackTrace;

    /// <summary>The errors of individual request fields.</summary>
    public IReadOnlyList<ResponseError> FieldErrors => ResponseStatus.Errors ?? [];

    /// <summary>The error of one field, by name (case-insensitive), or null.</summary>
    public ResponseError? FieldError(string fieldName) =>
        FieldErrors.FirstOrDefault(e => string.Equals(e.FieldName, fieldName, StringComparison.OrdinalIgnoreCase));
}
