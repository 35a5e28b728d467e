using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.Logging;

namespace BaaS.Auth.Hosting;

/// <summary>
/// Encrypts each data-protection key with the certificate of <see cref="DataProtectionKeyOptions"/> (the platform's
/// <see cref="CertificateXmlEncryptor"/>: XML encryption, AES-256 with the AES key wrapped by the certificate's RSA key),
/// and names <see cref="CertificateKeyDecryptor"/> as the key's decryptor, which finds the certificate in the app's
/// configuration rather than in an X.509 store.
/// </summary>
/// <remarks>Stored: <c>&lt;encryptedSecret decryptorType="BaaS.Auth.Hosting.CertificateKeyDecryptor, BaaS"&gt;&lt;EncryptedData ...&gt;</c></remarks>
internal sealed class CertificateKeyEncryptor(X509Certificate2 certificate, ILoggerFactory loggerFactory) : IXmlEncryptor
{
    private readonly CertificateXmlEncryptor _inner = new(certificate, loggerFactory);

    public EncryptedXmlInfo Encrypt(XElement plaintextElement) =>
        new(_inner.Encrypt(plaintextElement).EncryptedElement, typeof(CertificateKeyDecryptor));
}
