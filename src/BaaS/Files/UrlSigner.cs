using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace BaaS.Files;

/// <summary>
/// Signs file URLs for a limited time: <c>?expires={unix seconds}&amp;signature={HMAC-SHA256 of "{location}/{path}\n{expires}", base64url}</c>.
/// A signature is bound to the path and the expiry: changing either, or waiting past the expiry, makes it fail.
/// </summary>
internal sealed class UrlSigner(byte[] key, TimeProvider clock)
{
    public const string ExpiresKey = "expires";
    public const string SignatureKey = "signature";

    /// <summary>The query string (with <c>?</c>) that signs <paramref name="location"/>/<paramref name="path"/> until <paramref name="expiresAt"/>.</summary>
    public string Sign(string location, string path, DateTimeOffset expiresAt)
    {
        var expires = expiresAt.ToUnixTimeSeconds();
        return $"?{ExpiresKey}={expires.ToString(CultureInfo.InvariantCulture)}&{SignatureKey}={Signature(location, path, expires)}";
    }

    /// <summary>True when the signature matches the path and the expiry has not passed.</summary>
    public bool Verify(string location, string path, string? expires, string? signature)
    {
        if (expires is null || signature is null || !long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var at)) return false;
        if (clock.GetUtcNow().ToUnixTimeSeconds() >= at) return false;
        var expected = Encoding.ASCII.GetBytes(Signature(location, path, at));
        var given = Encoding.ASCII.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    private string Signature(string location, string path, long expires)
    {
        var data = Encoding.UTF8.GetBytes($"{location}/{path}\n{expires.ToString(CultureInfo.InvariantCulture)}");
        return Convert.ToBase64String(HMACSHA256.HashData(key, data)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
