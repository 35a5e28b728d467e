using System.Data;
using System.Security.Authentication;
using Microsoft.AspNetCore.Http;

namespace BaaS.Errors;

/// <summary>
/// Turns any exception into the HTTP status and <see cref="ResponseStatus"/> the client gets. Exceptions that say
/// what they are (<see cref="IHasStatusCode"/>, <see cref="IResponseStatusConvertible"/>) speak for themselves;
/// well-known .NET exceptions map by type; anything else is a 500.
/// </summary>
public sealed class ErrorMapper(bool includeDetails)
{
    /// <summary>True in Development: 500s carry the exception's message and stack trace.</summary>
    public bool IncludeDetails { get; } = includeDetails;

    /// <summary>The status and body for <paramref name="exception"/>.</summary>
    public (int StatusCode, ResponseStatus Status) Map(Exception exception)
    {
        if (exception is AggregateException { InnerExceptions.Count: 1 } aggregate)
            exception = aggregate.InnerExceptions[0];
        // A database that cannot be reached is a 503 however deep the code that met it wrapped the error.
        if (UnavailableOf(exception) is { } unavailable)
            return (503, new ResponseStatus(unavailable.ErrorCode, UnavailableMessage) { Errors = [] });

        var status = StatusOf(exception);
        ResponseStatus responseStatus;
        if (exception is IResponseStatusConvertible convertible)
        {
            responseStatus = convertible.ToResponseStatus();
            responseStatus.ErrorCode ??= ErrorCodeOf(exception);
            responseStatus.Message ??= exception.Message;
        }
        else if (status >= 500 && !IncludeDetails)
        {
            // Outside Development an unexpected failure's message may reveal internals (SQL, paths): say less.
            // The exception's type (SqliteException, NpgsqlException) would name the stack too: the code is generic.
            responseStatus = new ResponseStatus(status == 500 ? "InternalServerError" : ErrorCodeOf(exception), "An unexpected error occurred. It has been logged.");
        }
        else
        {
            responseStatus = new ResponseStatus(ErrorCodeOf(exception), exception.Message);
            if (exception is ArgumentException { ParamName: { Length: > 0 } param })
            {
                var message = exception.Message;
                // ArgumentException appends " (Parameter 'x')" to its message: the field name says that already.
                var suffix = $" (Parameter '{param}')";
                if (message.EndsWith(suffix, StringComparison.Ordinal)) message = message[..^suffix.Length];
                responseStatus.Message = message;
                responseStatus.Errors = [new ResponseError(responseStatus.ErrorCode!, param, message)];
            }
        }
        responseStatus.Errors ??= [];
        if (IncludeDetails && status >= 500)
            responseStatus.StackTrace = exception.ToString();
        return (status, responseStatus);
    }

    /// <summary>What a client is told when the database cannot be reached (the cause, with hosts and ports, goes to the log).</summary>
    public const string UnavailableMessage = "The service cannot reach its database for now. Try again in a few seconds.";

    /// <summary>
    /// How long the client should wait before trying again (the <c>Retry-After</c> header) for <paramref name="exception"/>,
    /// or null when trying again later would not help.
    /// </summary>
    public static TimeSpan? RetryAfterOf(Exception exception) => Unwrap(exception) is IHasRetryAfter away ? away.RetryAfter : UnavailableOf(exception)?.RetryAfter;

    /// <summary>
    /// The database outage behind <paramref name="exception"/>, or null. An exception that says itself when to try again
    /// (<see cref="IHasRetryAfter"/>, such as an email server that cannot be reached) is never taken for one, though a
    /// refused socket inside it looks like a database's.
    /// </summary>
    public static BaaS.Data.DatabaseUnavailableException? UnavailableOf(Exception exception) =>
        Unwrap(exception) is IHasRetryAfter ? null : BaaS.Data.DialectProvider.FindUnavailable(exception);

    private static Exception Unwrap(Exception exception) =>
        exception is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerExceptions[0] : exception;

    /// <summary>The HTTP status an exception answers with.</summary>
    public static int StatusOf(Exception exception) => UnavailableOf(exception) is not null ? 503 : exception switch
    {
        IHasStatusCode hasStatus => hasStatus.StatusCode,
        BadHttpRequestException bad => bad.StatusCode,
        IResponseStatusConvertible => 400,
        ArgumentException => 400,
        AuthenticationException => 401,
        UnauthorizedAccessException => 403,
        KeyNotFoundException or FileNotFoundException or DirectoryNotFoundException => 404,
        NotImplementedException or NotSupportedException => 405,
        DBConcurrencyException => 409,
        _ => 500,
    };

    private static string ErrorCodeOf(Exception exception) =>
        exception is IHasErrorCode { ErrorCode: { Length: > 0 } code } ? code : exception.GetType().Name;
}
