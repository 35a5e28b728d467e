using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace BaaS.Email.Smtp;

/// <summary>
/// Sends each email through the SMTP server of <see cref="SmtpOptions"/> (MailKit), on a connection of its own:
/// connect, sign in when a user name is set, send, quit. Auth emails are few and MailKit's client is not safe to share
/// between threads, so a pool would buy little and hold a signed-in connection that servers drop when idle.
/// A failure is an <see cref="EmailDeliveryException"/>: 503 <c>EmailUnavailable</c> (with <c>Retry-After</c>) when the
/// server cannot be reached, times out, answers 4xx or refuses the sign-in; 400 <c>EmailRejected</c> when it refuses the
/// recipient or the message for good (5xx). A recipient or subject that could add a header is an
/// <see cref="ArgumentException"/> (400) before any connection is made.
/// </summary>
public sealed class SmtpEmailSender : IEmailSender
{
    private readonly SmtpOptions _options;
    private readonly MailboxAddress _from;
    private readonly ILogger<SmtpEmailSender> _logger;

    /// <summary>The sender of the configured server.</summary>
    /// <exception cref="InvalidOperationException"><see cref="SmtpOptions.From"/> is missing or not an address.</exception>
    public SmtpEmailSender(IOptions<SmtpOptions> options, ILogger<SmtpEmailSender> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        var (from, problem) = SmtpMessages.ParseFrom(_options);
        _from = from ?? throw new InvalidOperationException(problem);
        _logger = logger;
    }

    /// <summary>Sends the message now; returns when the server has accepted it.</summary>
    /// <exception cref="EmailDeliveryException">The server could not be reached or refused the message.</exception>
    /// <exception cref="ArgumentException">The recipient or subject could add a header.</exception>
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var mime = SmtpMessages.Build(message, _from);
        var (host, port) = (_options.Host!, _options.EffectivePort);
        using var client = new SmtpClient { Timeout = (int)Math.Min(int.MaxValue, _options.Timeout.TotalMilliseconds) };
        try
        {
            await client.ConnectAsync(host, port, SocketOptions(_options.Security), cancellationToken).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(_options.UserName))
                await client.AuthenticateAsync(_options.UserName, _options.Password ?? "", cancellationToken).ConfigureAwait(false);
            await client.SendAsync(mime, cancellationToken).ConfigureAwait(false);
        }
        catch (SmtpCommandException e) when ((int)e.StatusCode >= 500 && e.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted)
        {
            SmtpLog.Rejected(_logger, message.Kind, message.To, host, port, $"{(int)e.StatusCode} {e.Message}");
            throw new EmailDeliveryException("The mail server refused to deliver this email to the address: check it.", permanent: true, e);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Cannot connect, TLS or sign-in refused, a timeout, a 4xx reply, the sender refused (a setting to fix):
            // all may pass, so the caller answers 503 and a queued email is tried again.
            SmtpLog.Unavailable(_logger, message.Kind, message.To, host, port, $"{e.GetType().Name}: {e.Message}");
            throw new EmailDeliveryException("The email could not be sent: the mail server cannot be reached for now. Try again in a minute.", permanent: false, e);
        }
        SmtpLog.Sent(_logger, message.Kind, message.To, host, port);
        try
        {
            // The server has the message: a failed goodbye must not make anyone send it twice.
            await client.DisconnectAsync(quit: true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ProtocolException or OperationCanceledException or TimeoutException)
        {
            SmtpLog.DisconnectFailed(_logger, e);
        }
    }

    private static SecureSocketOptions SocketOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        SmtpSecurity.Auto => SecureSocketOptions.Auto,
        _ => SecureSocketOptions.StartTls,
    };
}
