namespace BaaS.Email.Smtp;

/// <summary>
/// The argument of <see cref="SendQueuedEmailCommand"/> as the jobs store keeps it: the recipient and kind in clear
/// (the jobs APIs show them), the whole message sealed with ASP.NET Core data protection, so that links and tokens
/// in it are not readable from the jobs table or the jobs admin pages.
/// </summary>
public sealed class QueuedEmail
{
    /// <summary>The recipient, for people reading the queue.</summary>
    public string To { get; set; } = "";

    /// <summary>The message's kind (<c>confirm-email</c>, <c>reset-password</c>, ...).</summary>
    public string Kind { get; set; } = "";

    /// <summary>The <see cref="EmailMessage"/> as JSON, protected (purpose <c>BaaS.Email.Smtp.Queue</c>).</summary>
    public string Sealed { get; set; } = "";
}
