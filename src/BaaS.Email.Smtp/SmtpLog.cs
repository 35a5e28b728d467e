using Microsoft.Extensions.Logging;

namespace BaaS.Email.Smtp;

/// <summary>The SMTP sender's log messages (event ids 2100-2119). Never the body or the link: a reset link is a way into an account.</summary>
internal static partial class SmtpLog
{
    [LoggerMessage(EventId = 2100, Level = LogLevel.Information, Message = "Email ({Kind}) to {To} sent through {Host}:{Port}")]
    public static partial void Sent(ILogger logger, string kind, string to, string host, int port);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "Email ({Kind}) to {To} could not be sent through {Host}:{Port}: {Reason}")]
    public static partial void Unavailable(ILogger logger, string kind, string to, string host, int port, string reason);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Warning, Message = "Email ({Kind}) to {To} was refused by {Host}:{Port}: {Reply}")]
    public static partial void Rejected(ILogger logger, string kind, string to, string host, int port, string reply);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Debug, Message = "Closing the SMTP connection after a sent email failed; the email was sent")]
    public static partial void DisconnectFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Information, Message = "Email ({Kind}) to {To} queued as job {RefId}")]
    public static partial void Queued(ILogger logger, string kind, string to, string refId);

    [LoggerMessage(EventId = 2105, Level = LogLevel.Information, Message = "Emails are sent through SMTP {Host}:{Port} ({Security}), {Mode}")]
    public static partial void Configured(ILogger logger, string host, int port, SmtpSecurity security, string mode);
}
