using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace BaaS.Auth.Tokens;

/// <summary>
/// The key that signs and checks access tokens, and its algorithm, made once at startup from
/// <see cref="JwtOptions"/>: a PEM key file (RS256 for RSA, ES256/384/512 for EC), else the HS256 secret, else (only
/// in Development) an ephemeral random key.
/// </summary>
internal sealed class JwtKeyRing
{
    public const string MissingKeyMessage =
        "No key to sign access tokens with. Set Auth:Jwt:Secret (environment variable Auth__Jwt__Secret) to the base64 of 32 or more " +
        "random bytes (generate one with: openssl rand -base64 32), or Auth:Jwt:KeyFile (Auth__Jwt__KeyFile) to a PEM file holding an RSA " +
        "or P-256 EC private key (openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out jwt-key.pem) for ES256/RS256. " +
        "Keep it in the environment or a secret store, never in source control; in Development it may go in the app's .env file.";

    private JwtKeyRing(SecurityKey key, string algorithm, string source)
    {
        Key = key;
        Algorithm = algorithm;
        Source = source;
        SigningCredentials = new SigningCredentials(key, algorithm);
    }

    public SecurityKey Key { get; }

    /// <summary>HS256, RS256, ES256...</summary>
    public string Algorithm { get; }

    /// <summary>Where the key came from, for the log: "Auth:Jwt:Secret", the key file, or "ephemeral".</summary>
    public string Source { get; }

    public SigningCredentials SigningCredentials { get; }

    public static JwtKeyRing Create(JwtOptions options, IHostEnvironment environment, ILogger logger)
    {
        if (!string.IsNullOrWhiteSpace(options.KeyFile)) return FromKeyFile(options.KeyFile, environment.ContentRootPath);
        if (!string.IsNullOrWhiteSpace(options.Secret)) return FromSecret(options.Secret);
        if (environment.IsDevelopment() && options.EphemeralKeyInDevelopment)
        {
            AuthLog.EphemeralJwtKey(logger);
            var key = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)) { KeyId = "ephemeral" };
            return new JwtKeyRing(key, SecurityAlgorithms.HmacSha256, "ephemeral");
        }
        throw new InvalidOperationException(MissingKeyMessage);
    }

    private static JwtKeyRing FromSecret(string secret)
    {
        var bytes = DecodeSecret(secret.Trim());
        if (bytes.Length < 32)
            throw new InvalidOperationException(
                $"Auth:Jwt:Secret (Auth__Jwt__Secret) must be the base64 of 32 or more random bytes, not {bytes.Length} bytes: generate one with openssl rand -base64 32.");
        var key = new SymmetricSecurityKey(bytes) { KeyId = KeyIdOf(SHA256.HashData(bytes)) };
        return new JwtKeyRing(key, SecurityAlgorithms.HmacSha256, "Auth:Jwt:Secret");
    }

    private static byte[] DecodeSecret(string secret)
    {
        var buffer = new byte[secret.Length];
        if (secret.Length >= 44 && Convert.TryFromBase64String(secret, buffer, out var written) && written >= 32) return buffer[..written];
        return Encoding.UTF8.GetBytes(secret);
    }

    private static JwtKeyRing FromKeyFile(string keyFile, string contentRoot)
    {
        var path = Path.IsPathRooted(keyFile) ? keyFile : Path.Combine(contentRoot, keyFile);
        if (!File.Exists(path))
            throw new InvalidOperationException($"Auth:Jwt:KeyFile names '{path}', which does not exist. " + MissingKeyMessage);
        var pem = File.ReadAllText(path);
        if (pem.Contains("PUBLIC KEY", StringComparison.Ordinal) && !pem.Contains("PRIVATE KEY", StringComparison.Ordinal))
            throw new InvalidOperationException($"'{path}' holds a public key: signing needs the private key.");

        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
            if (rsa.KeySize < 2048) throw new InvalidOperationException($"The RSA key in '{path}' is {rsa.KeySize} bits: use 2048 or more.");
            var key = new RsaSecurityKey(rsa) { KeyId = KeyIdOf(SHA256.HashData(rsa.ExportSubjectPublicKeyInfo())) };
            return new JwtKeyRing(key, SecurityAlgorithms.RsaSha256, path);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            rsa.Dispose();
        }

        var ec = ECDsa.Create();
        try
        {
            ec.ImportFromPem(pem);
            var algorithm = ec.KeySize switch
            {
                256 => SecurityAlgorithms.EcdsaSha256,
                384 => SecurityAlgorithms.EcdsaSha384,
                521 => SecurityAlgorithms.EcdsaSha512,
                _ => throw new InvalidOperationException($"The EC key in '{path}' is on a {ec.KeySize}-bit curve: use P-256, P-384 or P-521."),
            };
            var key = new ECDsaSecurityKey(ec) { KeyId = KeyIdOf(SHA256.HashData(ec.ExportSubjectPublicKeyInfo())) };
            return new JwtKeyRing(key, algorithm, path);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            ec.Dispose();
            throw new InvalidOperationException($"'{path}' holds no RSA or EC private key in PEM form. " + MissingKeyMessage, e);
        }
    }

    private static string KeyIdOf(byte[] hash) => Base64UrlEncoder.Encode(hash[..12]);
}
