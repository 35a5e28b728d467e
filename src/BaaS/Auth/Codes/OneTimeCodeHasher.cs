using System.Security.Cryptography;
using System.Text;
using BaaS.Auth.Tokens;
using Microsoft.IdentityModel.Tokens;

namespace BaaS.Auth.Codes;

/// <summary>
/// Hashes one-time codes with HMAC-SHA256 under a key only the app's nodes hold: derived (HKDF-SHA256, its own
/// <c>info</c>) from the access-token signing key (<c>Auth:Jwt:Secret</c> or <c>Auth:Jwt:KeyFile</c>), which every node
/// already shares. Whoever reads the cache without that key cannot test the million possible codes against a hash.
/// </summary>
/// <remarks>
/// The hashed text ties a code to what it was sent for: <c>purpose \n subject \n recipient \n id \n code</c>, so a code
/// works only for its purpose, its account, the address it was mailed to (an email changed since voids it) and the one
/// sending (a newer code replaces it).
/// </remarks>
internal sealed class OneTimeCodeHasher(AuthKeyProvider keys)
{
    private static readonly byte[] Info = "BaaS one-time codes v1"u8.ToArray();

    private readonly Lazy<byte[]> _key = new(() => Derive(keys.KeyRing.Key));

    /// <summary>The stored form of <paramref name="code"/> sent to <paramref name="recipient"/>.</summary>
    public string Hash(OneTimeCodePurpose purpose, string subject, string recipient, string id, string code) =>
        Convert.ToBase64String(Mac(purpose, subject, recipient, id, code));

    /// <summary>Whether <paramref name="code"/> is the one <paramref name="hash"/> was made of (in constant time).</summary>
    public bool Matches(string hash, OneTimeCodePurpose purpose, string subject, string recipient, string id, string code)
    {
        Span<byte> stored = stackalloc byte[HMACSHA256.HashSizeInBytes];
        return Convert.TryFromBase64String(hash, stored, out var written) && written == stored.Length &&
            CryptographicOperations.FixedTimeEquals(stored, Mac(purpose, subject, recipient, id, code));
    }

    /// <summary>
    /// The subject of an address that has no account: its keyed hash, so the cache holds no addresses and an unknown
    /// address goes through the same counters as a known one.
    /// </summary>
    public string SubjectOfAddress(string email) =>
        "a" + Convert.ToHexString(HMACSHA256.HashData(_key.Value, Encoding.UTF8.GetBytes("address\n" + Normalize(email))), 0, 16);

    /// <summary>Addresses compare as Identity's normalizer does (upper case, invariant).</summary>
    public static string Normalize(string email) => email.Trim().ToUpperInvariant();

    private byte[] Mac(OneTimeCodePurpose purpose, string subject, string recipient, string id, string code) =>
        HMACSHA256.HashData(_key.Value, Encoding.UTF8.GetBytes($"{purpose}\n{subject}\n{Normalize(recipient)}\n{id}\n{code}"));

    private static byte[] Derive(SecurityKey key)
    {
        var (material, exported) = key switch
        {
            SymmetricSecurityKey symmetric => (symmetric.Key, false),
            RsaSecurityKey { Rsa: { } rsa } => (rsa.ExportPkcs8PrivateKey(), true),
            ECDsaSecurityKey { ECDsa: { } ec } => (ec.ExportPkcs8PrivateKey(), true),
            _ => throw new InvalidOperationException($"One-time codes cannot derive their key from a {key.GetType().Name}: use Auth:Jwt:Secret or an RSA or EC Auth:Jwt:KeyFile."),
        };
        try
        {
            return HKDF.DeriveKey(HashAlgorithmName.SHA256, material, 32, salt: [], info: Info);
        }
        finally
        {
            if (exported) CryptographicOperations.ZeroMemory(material);
        }
    }
}
