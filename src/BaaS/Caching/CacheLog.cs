using Microsoft.Extensions.Logging;

namespace BaaS.Caching;

/// <summary>The cache's log messages (event ids 3000-3099), source-generated.</summary>
internal static partial class CacheLog
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Warning,
        Message = "The cache store ({Store}) cannot be reached: {Operation} answered without it ({Failures} such calls since the last report): {Reason}")]
    public static partial void StoreUnavailable(ILogger logger, string store, string operation, long failures, string reason, Exception exception);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "The cache store ({Store}) answers again")]
    public static partial void StoreRecovered(ILogger logger, string store);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning,
        Message = "The cache value under {Key} cannot be read as {Type}; answered as a miss ({Failures} such reads since the last report)")]
    public static partial void Unreadable(ILogger logger, string key, string type, long failures, Exception exception);
}
