using Microsoft.Extensions.Logging;

namespace BaaS.Auth.Tokens;

/// <summary>The access-token deny list's log messages (event ids 2070-2079), source-generated.</summary>
internal static partial class DenyListLog
{
    [LoggerMessage(EventId = 2070, Level = LogLevel.Warning,
        Message = "The deny list could not record the revocation of {What} of user {UserId}: access tokens already issued keep working until they expire (within {TokenLife}); refreshing them still goes to the database. {Reason}")]
    public static partial void NotRecorded(ILogger logger, string what, Guid userId, TimeSpan tokenLife, string reason, Exception exception);

    [LoggerMessage(EventId = 2071, Level = LogLevel.Warning,
        Message = "The revoked session's server-event streams could not be ended on every node: they end when they next reconnect. {Reason}")]
    public static partial void StreamsNotClosed(ILogger logger, string reason);
}
