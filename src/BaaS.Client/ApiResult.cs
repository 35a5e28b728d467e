namespace BaaS.Client;

/// <summary>
/// The outcome of <see cref="JsonApiClient.ApiAsync{TResponse}(IReturn{TResponse}, CancellationToken)"/>: either the
/// response or the error, never an exception for an HTTP failure.
/// </summary>
/// <typeparam name="TResponse">The response type.</typeparam>
public sealed class ApiResult<TResponse>
{
    private ApiResult(TResponse? response, ResponseStatus? error, int statusCode)
    {
        Response = response;
        Error = error;
        StatusCode = statusCode;
    }

    /// <summary>A successful result.</summary>
    public static ApiResult<TResponse> Success(TResponse? response, int statusCode) => new(response, null, statusCode);

    /// <summary>A failed result.</summary>
    public static ApiResult<TResponse> Failure(ResponseStatus error, int statusCode) => new(default, error, statusCode);

    /// <summary>The response, when the call succeeded.</summary>
    public TResponse? Response { get; }

    /// <summary>The error, when it failed.</summary>
    public ResponseStatus? Error { get; }

    /// <summary>The HTTP status code (0 when no response arrived).</summary>
    public int StatusCode { get; }

    /// <summary>True when the call succeeded.</summary>
    public bool Succeeded => Error is null;

    /// <summary>True when the call failed.</summary>
    public bool Failed => Error is not null;

    /// <summary>The error's code, or null.</summary>
    public string? ErrorCode => Error?.ErrorCode;

    /// <summary>The error's message, or null.</summary>
    public string? ErrorMessage => Error?.Message;

    /// <summary>The field errors, empty on success.</summary>
    public IReadOnlyList<ResponseError> FieldErrors => Error?.Errors ?? [];

    /// <summary>The error of one field, by name (case-insensitive), or null.</summary>
    public ResponseError? FieldError(string fieldName) =>
        FieldErrors.FirstOrDefault(e => string.Equals(e.FieldName, fieldName, StringComparison.OrdinalIgnoreCase));

    /// <summary>The message of one field's error, or null.</summary>
    public string? FieldErrorMessage(string fieldName) => FieldError(fieldName)?.Message;

    /// <summary>The message to show when no field error is shown next to a field: the top-level message when there are no field errors.</summary>
    public string? ErrorSummary => Error is null ? null : FieldErrors.Count == 0 ? Error.Message : null;
}
