using Microsoft.Extensions.Logging;

namespace BaaS.ServerEvents;

/// <summary>The server events' log messages (event ids 4000-4099), source-generated.</summary>
internal static partial class ServerEventsLog
{
    [LoggerMessage(EventId = 4000, Level = LogLevel.Warning,
        Message = "Server events: subscription {SubscriptionId} of user {UserId} was dropped: {BufferSize} messages were waiting and it read none of them (a slow or stalled client)")]
    public static partial void Dropped(ILogger logger, string subscriptionId, string userId, int bufferSize);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Debug,
        Message = "Server events: subscription {SubscriptionId} of user {UserId} expired: no heartbeat for {IdleSeconds} s")]
    public static partial void Expired(ILogger logger, string subscriptionId, string userId, int idleSeconds);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Server events: the {Bus} bus lost its connection ({Reason}); it reconnects by itself, and messages published meanwhile do not reach this node")]
    public static partial void BusDisconnected(ILogger logger, string bus, string reason, Exception? exception);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information, Message = "Server events: the {Bus} bus listens again")]
    public static partial void BusReconnected(ILogger logger, string bus);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning, Message = "Server events: message {Id} from the bus cannot be read and was skipped")]
    public static partial void Unreadable(ILogger logger, long id, Exception exception);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Warning, Message = "Server events: the {Selector} notice to channel {Channel} was not sent: the bus cannot be reached")]
    public static partial void NoticeLost(ILogger logger, string selector, string channel, Exception exception);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Warning,
        Message = "Server events: {RequestType} wrote, but its {EventType} event was not published: {Reason}")]
    public static partial void EventNotPublished(ILogger logger, string requestType, string eventType, string reason, Exception? exception);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Information, Message = "Server events: fanning out through the {Bus} bus")]
    public static partial void Started(ILogger logger, string bus);

    [LoggerMessage(EventId = 4008, Level = LogLevel.Error, Message = "Server events: the idle-subscription check failed")]
    public static partial void HouseKeepingFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4009, Level = LogLevel.Warning, Message = "Server events: message {Id} was stored in the database but is gone (older than ten minutes?); skipped")]
    public static partial void PayloadMissing(ILogger logger, long id);

    [LoggerMessage(EventId = 4010, Level = LogLevel.Warning, Message = "Server events: message {Id} stored in the database cannot be read; skipped")]
    public static partial void PayloadUnreadable(ILogger logger, long id, Exception exception);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Warning, Message = "Server events: deleting old stored messages failed (tried again in a minute)")]
    public static partial void CleanupFailed(ILogger logger, Exception exception);
}
