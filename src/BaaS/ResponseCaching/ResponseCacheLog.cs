using Microsoft.Extensions.Logging;

namespace BaaS.ResponseCaching;

/// <summary>The response cache's log messages (event ids 3400-3499), source-generated.</summary>
internal static partial class ResponseCacheLog
{
    [LoggerMessage(EventId = 3400, Level = LogLevel.Warning,
        Message = "Could not drop the cached answers of {Tag}: the cache cannot be reached; retried before the next cached call on this node")]
    public static partial void InvalidationDeferred(ILogger logger, string tag, Exception exception);

    [LoggerMessage(EventId = 3401, Level = LogLevel.Information, Message = "Dropped the cached answers of {Tag} after the cache came back")]
    public static partial void InvalidationRetried(ILogger logger, string tag);
}
