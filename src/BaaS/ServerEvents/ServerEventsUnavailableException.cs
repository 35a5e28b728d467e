namespace BaaS;

/// <summary>
/// The server-events bus (Redis or the database) cannot be reached, so a message could not be published or a close could
/// not reach the other nodes. Left uncaught, it answers 503 <c>ServerEventsUnavailable</c> with <c>Retry-After: 5</c>.
/// </summary>
public sealed class ServerEventsUnavailableException : Exception, IHasStatusCode, IHasErrorCode, IHasRetryAfter, IResponseStatusConvertible
{
    /// <summary>What a client is told (the cause goes to the log).</summary>
    public const string ClientMessage = "The service cannot publish events for now. Try again in a few seconds.";

    /// <summary>Creates the exception; <paramref name="message"/> is for the log, not the client.</summary>
    public ServerEventsUnavailableException(string message, Exception? innerException = null) : base(message, innerException)
    {
    }

    /// <summary>5 seconds.</summary>
    public TimeSpan? RetryAfter => TimeSpan.FromSeconds(5);

    /// <summary>503.</summary>
    public int StatusCode => 503;

    /// <summary><c>ServerEventsUnavailable</c>.</summary>
    public string ErrorCode => "ServerEventsUnavailable";

    /// <summary>The error code and <see cref="ClientMessage"/>, never the bus's address.</summary>
    public ResponseStatus ToResponseStatus() => new(ErrorCode, ClientMessage) { Errors = [] };
}
