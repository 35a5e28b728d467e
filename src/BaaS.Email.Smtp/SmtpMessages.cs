using MimeKit;

namespace BaaS.Email.Smtp;

/// <summary>
/// Turns an <see cref="EmailMessage"/> into the MIME message sent: <c>From</c>, <c>To</c>, <c>Subject</c>, and the text
/// body alone (<c>text/plain</c>) or with the HTML body (<c>multipart/alternative</c>, text first). Nothing from the
/// message becomes a header of its own: a recipient, subject or sender name with a line break or another control
/// character is refused (an <see cref="ArgumentException"/> naming it) before anything is sent or queued.
/// </summary>
internal static class SmtpMessages
{
    /// <summary>Refuses a message whose headers could carry more than they say; answers the recipient's mailbox.</summary>
    /// <exception cref="ArgumentException">The recipient is not one plain address, or the subject has a control character.</exception>
    public static MailboxAddress Check(EmailMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (HasControl(message.Subject))
            throw new ArgumentException("The email's subject contains a line break or another control character: it would end the header.", nameof(EmailMessage.Subject));
        var to = message.To?.Trim() ?? "";
        if (to.Length == 0 || HasControl(to) || !MailboxAddress.TryParse(ParserOptions.Default, to, out var mailbox) ||
            !string.Equals(mailbox.Address, to, StringComparison.Ordinal) || mailbox.Name is { Length: > 0 })
            throw new ArgumentException("The email's recipient must be one plain address, such as ann@example.com.", nameof(EmailMessage.To));
        return mailbox;
    }

    /// <summary>The sender from <see cref="SmtpOptions.From"/> and <see cref="SmtpOptions.FromName"/>, or null with the reason.</summary>
    public static (MailboxAddress? From, string? Problem) ParseFrom(SmtpOptions options)
    {
        var text = options.From?.Trim() ?? "";
        if (text.Length == 0) return (null, "Smtp:From is not set: give the sender's address (Smtp__From=noreply@example.com, or \"MyApp <noreply@example.com>\").");
        if (HasControl(text) || HasControl(options.FromName))
            return (null, "Smtp:From and Smtp:FromName must not contain line breaks or other control characters.");
        if (!MailboxAddress.TryParse(ParserOptions.Default, text, out var from) || !from.Address.Contains('@', StringComparison.Ordinal))
            return (null, $"Smtp:From '{text}' is not an address such as noreply@example.com or \"MyApp <noreply@example.com>\".");
        if (options.FromName is { Length: > 0 } name) from.Name = name.Trim();
        return (from, null);
    }

    /// <summary>The MIME message for <paramref name="message"/>, from <paramref name="from"/>.</summary>
    /// <exception cref="ArgumentException">See <see cref="Check"/>.</exception>
    public static MimeMessage Build(EmailMessage message, MailboxAddress from)
    {
        var to = Check(message);
        var mime = new MimeMessage();
        mime.From.Add(from);
        mime.To.Add(to);
        mime.Subject = message.Subject;
        mime.Body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody }.ToMessageBody();
        return mime;
    }

    private static bool HasControl(string? text) => text is not null && text.Any(char.IsControl);
}
