using Microsoft.Extensions.Logging;

namespace BaaS.Auth;

/// <summary>The auth feature's log messages, source-generated.</summary>
internal static partial class AuthLog
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Warning,
        Message = "No JWT key is configured (Auth:Jwt:Secret or Auth:Jwt:KeyFile): signing with an ephemeral key for this run only, so tokens stop working when the app restarts. Outside Development a missing key fails startup.")]
    public static partial void EphemeralJwtKey(ILogger logger);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Access tokens are signed with {Algorithm} (key from {Source})")]
    public static partial void SigningKey(ILogger logger, string algorithm, string source);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Debug, Message = "Credentials refused: {ErrorCode}")]
    public static partial void CredentialsRefused(ILogger logger, string errorCode);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "A spent refresh token was presented again: session {SessionId} of user {UserId} has been ended")]
    public static partial void RefreshTokenReused(ILogger logger, Guid sessionId, Guid userId);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "Account {UserId} is locked after {Attempts} failed sign-ins")]
    public static partial void AccountLocked(ILogger logger, Guid userId, int attempts);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Information, Message = "Email ({Kind}) to {To}: {Subject}\n{Body}")]
    public static partial void EmailWritten(ILogger logger, string kind, string to, string subject, string body);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Information, Message = "Created the administrator {Email}")]
    public static partial void AdminCreated(ILogger logger, string email);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Information,
        Message = "No user has the Admin role. Set Auth__Admin__Email and Auth__Admin__Password (environment or .env) and restart, or run the app with --create-admin.")]
    public static partial void NoAdmin(ILogger logger);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Information, Message = "OAuth sign-in with {Provider}: {Outcome} user {UserId}")]
    public static partial void OAuthSignIn(ILogger logger, string provider, string outcome, Guid userId);

    [LoggerMessage(EventId = 2009, Level = LogLevel.Warning, Message = "OAuth sign-in with {Provider} failed: {ErrorCode} {Message}")]
    public static partial void OAuthFailed(ILogger logger, string provider, string errorCode, string message);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Warning,
        Message = "The auth tables do not exist yet: apply the migrations (include AuthMigrations.Types in the app's Migrator, then run it, e.g. with --migrate).")]
    public static partial void AuthTablesMissing(ILogger logger);

    [LoggerMessage(EventId = 2012, Level = LogLevel.Information, Message = "Deleted {Count} expired refresh token(s)")]
    public static partial void RefreshTokensDeleted(ILogger logger, int count);

    [LoggerMessage(EventId = 2013, Level = LogLevel.Error, Message = "Deleting expired refresh tokens failed; it tries again next time")]
    public static partial void RefreshTokenCleanupFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2030, Level = LogLevel.Warning,
        Message = "Email ({Kind}) to {To} was not sent: no email sender is configured (register an IEmailSender)")]
    public static partial void EmailNotSent(ILogger logger, string kind, string to);

    [LoggerMessage(EventId = 2031, Level = LogLevel.Warning,
        Message = "No email sender is configured: confirmation and password-reset emails go nowhere in {Environment}. Set Smtp:Host (environment variable Smtp__Host, see docs/email.md) or register an IEmailSender to send them.")]
    public static partial void NoEmailSender(ILogger logger, string environment);
}
