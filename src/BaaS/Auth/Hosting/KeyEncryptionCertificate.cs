using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;

namespace BaaS.Auth.Hosting;

/// <summary>
/// The certificate of <see cref="DataProtectionKeyOptions"/>, loaded once (checked with the other auth settings by
/// <see cref="AuthOptionsValidator"/> before anything is written, so a missing file or a wrong password stops the app with one line), or null when none is configured.
/// </summary>
internal sealed class KeyEncryptionCertificate(IOptions<AuthOptions> options) : IDisposable
{
    private readonly Lazy<X509Certificate2?> _certificate = new(() => Load(options.Value.DataProtection));

    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.Value.DataProtection.CertificatePath);

    public X509Certificate2? Certificate => _certificate.Value;

    /// <summary>Loads the configured certificate (null when none is); a missing file, a wrong password or no RSA key throws, naming the setting.</summary>
    internal static X509Certificate2? Load(DataProtectionKeyOptions settings)
    {
        if (string.IsNullOrWhiteSpace(settings.CertificatePath)) return null;
        var path = Path.GetFullPath(settings.CertificatePath);
        const string how = "Auth:DataProtection:CertificatePath (Auth__DataProtection__CertificatePath) names a PFX file holding a certificate and its RSA " +
            "private key, and Auth:DataProtection:CertificatePassword its password.";
        if (!File.Exists(path)) throw new InvalidOperationException($"The data-protection key certificate '{path}' does not exist. {how}");
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, settings.CertificatePassword, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException e)
        {
            throw new InvalidOperationException($"The data-protection key certificate '{path}' cannot be read ({e.Message}): is the password right? {how}", e);
        }
        using var key = certificate.GetRSAPrivateKey();
        if (key is null)
        {
            certificate.Dispose();
            throw new InvalidOperationException($"The data-protection key certificate '{path}' has no RSA private key, which encrypting the keys needs. {how}");
        }
        return certificate;
    }

    public void Dispose()
    {
        if (_certificate.IsValueCreated) _certificate.Value?.Dispose();
    }
}
