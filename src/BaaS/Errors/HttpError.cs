using System.Net;

namespace BaaS;

/// <summary>
/// An exception that answers a chosen HTTP status with a <see cref="ResponseStatus"/>:
/// <c>throw HttpError.NotFound("Order 7 does not exist")</c>,
/// <c>throw HttpError.Validation("Quantity", "OutOfRange", "Quantity must be between 1 and 50")</c>.
/// </summary>
public class HttpError : Exception, IHasStatusCode, IHasErrorCode, IResponseStatusConvertible
{
    /// <summary>An error with a status, a code and a message.</summary>
    public HttpError(int statusCode, string errorCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
    }

    /// <summary>An error with a status and a message; the code is the status name (e.g. <c>NotFound</c>).</summary>
    public HttpError(HttpStatusCode statusCode, string message)
        : this((int)statusCode, statusCode.ToString(), message) { }

    /// <inheritdoc />
    public int StatusCode { get; }

    /// <inheritdoc />
    public string ErrorCode { get; }

    /// <summary>Errors of individual request fields.</summary>
    public List<ResponseError> FieldErrors { get; } = [];

    /// <inheritdoc />
    public virtual ResponseStatus ToResponseStatus() => new(ErrorCode, Message) { Errors = [.. FieldErrors] };

    /// <summary>400 with one field error: the top-level code and message are the field's.</summary>
    public static HttpError Validation(string fieldName, string errorCode, string message)
    {
        var error = new HttpError(400, errorCode, message);
        error.FieldErrors.Add(new ResponseError(errorCode, fieldName, message));
        return error;
    }

    /// <summary>400 with several field errors; the first gives the top-level code and message.</summary>
    public static HttpError Validation(IReadOnlyList<ResponseError> errors)
    {
        if (errors.Count == 0) throw new ArgumentException("At least one field error is needed.", nameof(errors));
        var error = new HttpError(400, errors[0].ErrorCode ?? "Invalid", errors[0].Message ?? "The request is not valid.");
        error.FieldErrors.AddRange(errors);
        return error;
    }

    /// <summary>400 Bad Request.</summary>
    public static HttpError BadRequest(string message, string errorCode = "BadRequest") => new(400, errorCode, message);

    /// <summary>401 Unauthorized: the caller is not signed in.</summary>
    public static HttpError Unauthorized(string message = "Sign in first.", string errorCode = "Unauthorized") => new(401, errorCode, message);

    /// <summary>403 Forbidden: the caller is signed in but may not do this.</summary>
    public static HttpError Forbidden(string message, string errorCode = "Forbidden") => new(403, errorCode, message);

    /// <summary>404 Not Found.</summary>
    public static HttpError NotFound(string message, string errorCode = "NotFound") => new(404, errorCode, message);

    /// <summary>409 Conflict: the request is well-formed but clashes with the current state.</summary>
    public static HttpError Conflict(string message, string errorCode = "Conflict") => new(409, errorCode, message);
}
