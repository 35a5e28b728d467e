using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;

namespace BaaS.Auth.Hosting;

/// <summary>
/// Decrypts a data-protection key that <see cref="CertificateKeyEncryptor"/> encrypted, with the certificate of
/// <see cref="DataProtectionKeyOptions"/>. Created by the data-protection system from the type named in the stored key,
/// so its name must not change.
/// </summary>
internal sealed class CertificateKeyDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        var certificate = services.GetRequiredService<KeyEncryptionCertificate>().Certificate
            ?? throw new InvalidOperationException("A data-protection key in the database is encrypted with a certificate, but none is configured: set " +
                "Auth:DataProtection:CertificatePath and CertificatePassword to the PFX file the keys were encrypted with.");
        // Wrapped in a root, so the decrypted element can take the encrypted one's place.
        var document = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        using (var reader = new XElement("root", encryptedElement).CreateReader()) document.Load(reader);
        new CertificateEncryptedXml(document, certificate).DecryptDocument();
        return XElement.Parse(document.DocumentElement!.FirstChild!.OuterXml);
    }

    /// <summary>Finds the key-encryption key by the certificate given, not in an X.509 store.</summary>
    private sealed class CertificateEncryptedXml(XmlDocument document, X509Certificate2 certificate) : EncryptedXml(document)
    {
        public override byte[]? DecryptEncryptedKey(EncryptedKey encryptedKey)
        {
            ArgumentNullException.ThrowIfNull(encryptedKey);
            foreach (var clause in encryptedKey.KeyInfo)
            {
                if (clause is not KeyInfoX509Data data || data.Certificates is null) continue;
                foreach (X509Certificate2 named in data.Certificates)
                {
                    if (!named.RawDataMemory.Span.SequenceEqual(certificate.RawDataMemory.Span)) continue;
                    using var rsa = certificate.GetRSAPrivateKey()!;
                    return DecryptKey(encryptedKey.CipherData.CipherValue!, rsa, encryptedKey.EncryptionMethod?.KeyAlgorithm == XmlEncRSAOAEPUrl);
                }
            }
            return base.DecryptEncryptedKey(encryptedKey);
        }
    }
}
