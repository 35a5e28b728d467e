using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BaaS.Auth.Email;

/// <summary>
/// The default <see cref="IEmailSender"/>, used until the app registers its own: sends nothing. In Development it
/// writes each message (with its link) to the log, so a developer can follow it; anywhere else it logs only that an
/// email of a kind to an address was not sent, never its body, link or token (a reset link in a log is a way into the
/// account), and the app warns once at startup that emails go nowhere.
/// </summary>
internal sealed class LogEmailSender(ILogger<LogEmailSender> logger, IHostEnvironment environment) : IEmailSender
{
    /// <summary>Whether messages are written out whole (Development only).</summary>
    public bool WritesMessages { get; } = environment.IsDevelopment();

    public Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (WritesMessages) AuthLog.EmailWritten(logger, message.Kind, message.To, message.Subject, message.TextBody);
        else AuthLog.EmailNotSent(logger, message.Kind, message.To);
        return Task.CompletedTask;
    }
}
