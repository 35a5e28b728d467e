using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace BaaS.Email.Smtp;

/// <summary>Seals and opens queued messages with the app's data-protection key ring (shared by nodes through the database when auth stores it there).</summary>
internal sealed class EmailSeal(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("BaaS.Email.Smtp.Queue");

    public QueuedEmail Seal(EmailMessage message) => new()
    {
        To = message.To,
        Kind = message.Kind,
        Sealed = _protector.Protect(JsonSerializer.Serialize(message)),
    };

    /// <exception cref="EmailDeliveryException">The seal cannot be opened (another key ring, or altered): permanent, not retried.</exception>
    public EmailMessage Open(QueuedEmail queued)
    {
        try
        {
            return JsonSerializer.Deserialize<EmailMessage>(_protector.Unprotect(queued.Sealed))
                ?? throw new JsonException("The queued email is empty.");
        }
        catch (Exception e) when (e is CryptographicException or JsonException or FormatException)
        {
            throw new EmailDeliveryException(
                "The queued email cannot be read: it was sealed with another data-protection key ring (or altered). Ask for the email again.", permanent: true, e);
        }
    }
}
