namespace BaaS;

/// <summary>
/// Sends email: the seam auth uses for confirmation and password-reset messages. The default writes each message to
/// the log (fine in Development, not in production: reset links would sit in the logs). Register your own in DI,
/// e.g. one that queues the message on a background job: <c>services.AddSingleton&lt;IEmailSender, MyEmailSender&gt;()</c>.
/// </summary>
public interface IEmailSender
{
    /// <summary>Sends (or queues) the message.</summary>
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
