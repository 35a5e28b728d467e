using Microsoft.Extensions.Logging;

namespace BaaS.Hosting;

/// <summary>The framework's log messages, source-generated.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Error, Message = "{Operation} failed with {StatusCode}")]
    public static partial void ServerError(ILogger logger, string operation, int statusCode, Exception exception);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Debug, Message = "{Operation} refused with {StatusCode}: {ErrorCode} {ErrorMessage}")]
    public static partial void ClientError(ILogger logger, string operation, int statusCode, string? errorCode, string? errorMessage);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Serving {OperationCount} operations on {RouteCount} routes; features: {Features}")]
    public static partial void Started(ILogger logger, int operationCount, int routeCount, string features);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Debug, Message = "{Operation}: the caller went away")]
    public static partial void Aborted(ILogger logger, string operation);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Warning, Message = "{Operation} answered 503: {Reason}")]
    public static partial void Unavailable(ILogger logger, string operation, string reason);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Warning,
        Message = "The database cannot be reached yet (attempt {Attempt}: {Reason}); retrying in {DelaySeconds:0.#} s, giving up after {BudgetSeconds:0.#} s (Database:StartupRetrySeconds)")]
    public static partial void DatabaseRetry(ILogger logger, int attempt, string reason, double delaySeconds, double budgetSeconds);
}
