namespace BaaS.Auth;

/// <summary>
/// How the data-protection keys are protected at rest (<c>Auth:DataProtection</c>): with a certificate from a PFX file,
/// each key is encrypted (XML encryption, RSA) before it is stored, and only holders of the certificate's private key can
/// read it. Outside Development, starting without one logs a warning: anyone who can read the key table (a backup, a
/// read-only database user) could otherwise forge reset and confirmation links and OAuth state.
/// </summary>
public sealed class DataProtectionKeyOptions
{
    /// <summary>
    /// The PFX (PKCS#12) file holding the certificate and its RSA private key
    /// (<c>openssl req -x509 -newkey rsa:3072 -nodes -days 3650 -subj /CN=myapp-keys -keyout k.pem -out c.pem &amp;&amp; openssl pkcs12 -export -inkey k.pem -in c.pem -out keys.pfx</c>).
    /// Default: none.
    /// </summary>
    public string? CertificatePath { get; set; }

    /// <summary>The PFX file's password (environment variable <c>Auth__DataProtection__CertificatePassword</c>, never in source control).</summary>
    public string? CertificatePassword { get; set; }
}
