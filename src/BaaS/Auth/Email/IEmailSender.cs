namespace BaaS;

/// <summary>
/// Sends email: the seam auth uses for confirmation and password-reset messages. The default sends nothing: in
/// Development it writes each message to the log, elsewhere it logs only that a message was not sent (never its link or
/// token) and the app warns at startup that emails go nowhere. Register your own in DI, before or after
/// <c>AddBaaSAuth</c>, e.g. one that queues the message on a background job:
/// <c>services.AddSingleton&lt;IEmailSender, MyEmailSender&gt;()</c>.
/// </summary>
public interface IEmailSender
{
    /// <summary>Sends (or queues) the message.</summary>
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
