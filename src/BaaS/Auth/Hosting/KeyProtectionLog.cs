using Microsoft.Extensions.Logging;

namespace BaaS.Auth.Hosting;

/// <summary>Log messages about protecting the data-protection keys at rest (event ids 2050-2059).</summary>
internal static partial class KeyProtectionLog
{
    [LoggerMessage(EventId = 2050, Level = LogLevel.Warning,
        Message = "The data-protection keys are stored in the database unencrypted: anyone who reads the table (a backup, a read-only user) can forge " +
            "password-reset and email-confirmation links and OAuth state. Set Auth:DataProtection:CertificatePath and CertificatePassword " +
            "(Auth__DataProtection__CertificatePath, Auth__DataProtection__CertificatePassword) to a PFX certificate with an RSA key.")]
    public static partial void KeysUnprotected(ILogger logger);

    [LoggerMessage(EventId = 2051, Level = LogLevel.Information, Message = "Data-protection keys are encrypted at rest with certificate {Thumbprint}")]
    public static partial void KeysProtected(ILogger logger, string thumbprint);
}
