namespace MyApp.ServiceInterface.Jobs;

/// <summary>
/// Sends an email. MyApp's default (<see cref="LogEmailSender"/>) writes it to the log; a real one (SMTP, an API) is a
/// registration in Configure.Jobs.cs. Kept small so the auth work can adopt or replace it.
/// </summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
