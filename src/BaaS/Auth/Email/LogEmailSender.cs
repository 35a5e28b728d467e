using Microsoft.Extensions.Logging;

namespace BaaS.Auth.Email;

/// <summary>The default <see cref="IEmailSender"/>: writes each message to the log and sends nothing.</summary>
internal sealed class LogEmailSender(ILogger<LogEmailSender> logger) : IEmailSender
{
    public Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        AuthLog.EmailWritten(logger, message.Kind, message.To, message.Subject, message.TextBody);
        return Task.CompletedTask;
    }
}
