using Microsoft.Extensions.Logging;

namespace BaaS.Redis;

/// <summary>BaaS.Redis's log messages (event ids 3100-3199), source-generated.</summary>
internal static partial class RedisLog
{
    [LoggerMessage(EventId = 3100, Level = LogLevel.Information, Message = "Connecting to Redis at {Endpoints} in the background")]
    public static partial void Connecting(ILogger logger, string endpoints);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "Redis connection lost to {Endpoint} ({FailureType}); it reconnects by itself")]
    public static partial void ConnectionFailed(ILogger logger, string endpoint, string failureType, Exception? exception);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Information, Message = "Redis connection to {Endpoint} restored")]
    public static partial void ConnectionRestored(ILogger logger, string endpoint);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Warning, Message = "A server-events message from Redis is not '{{id}} {{payload}}'; skipped (another app on the same channel?)")]
    public static partial void UnreadableEvent(ILogger logger);
}
