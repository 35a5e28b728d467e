using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using BaaS.Auth.Tokens;
using BaaS.Data;
using Microsoft.IdentityModel.Tokens;

namespace BaaS.Auth.ApiKeys;

/// <summary>
/// API keys: <c>ak-</c> and 32 base64url characters (24 random bytes), shown once; the SHA-256 of the key is stored
/// and looked up by a unique index, so checking a key is one indexed read (the key's entropy makes a slow hash
/// needless). A key acts for its user, with the user's current roles and permissions, plus its own scopes.
/// </summary>
internal sealed class ApiKeyStore(IDbConnectionFactory dbFactory, TimeProvider clock)
{
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(5);

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static bool LooksLikeKey(string value) =>
        value.StartsWith(AuthDefaults.ApiKeyPrefix, StringComparison.Ordinal) && value.Length == AuthDefaults.ApiKeyPrefix.Length + 32;

    public async Task<(string Key, BaaSApiKey Row)> CreateAsync(DataConnection db, Guid userId, string name, IReadOnlyList<string> scopes,
        DateTime? expiresAt, CancellationToken ct)
    {
        var key = AuthDefaults.ApiKeyPrefix + Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(24));
        var row = new BaaSApiKey
        {
            UserId = userId,
            Name = name,
            KeyHint = key[..11],
            KeyHash = Hash(key),
            Scopes = [.. scopes],
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            ExpiresAt = expiresAt,
        };
        await db.InsertAsync(row, ct).ConfigureAwait(false);
        return (key, row);
    }

    /// <summary>The identity of a key's caller, or an error code and message.</summary>
    public async Task<TokenCheck> AuthenticateAsync(string key, CancellationToken ct)
    {
        if (!LooksLikeKey(key)) return Refused("InvalidApiKey", "The API key is not valid.");
        var hash = Hash(key);
        await using var db = await dbFactory.OpenAsync(ct).ConfigureAwait(false);
        var row = await db.SingleAsync<BaaSApiKey>(k => k.KeyHash == hash, ct).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        if (row is null) return Refused("InvalidApiKey", "The API key is not valid.");
        if (row.RevokedAt is not null) return Refused("ApiKeyRevoked", "The API key has been revoked.");
        if (row.ExpiresAt is { } expires && expires <= now.UtcDateTime) return Refused("ApiKeyExpired", "The API key has expired.");
        var user = await AuthUsers.LoadAsync(db, row.UserId, ct).ConfigureAwait(false);
        if (user is null) return Refused("InvalidApiKey", "The API key is not valid.");
        if (user.IsLockedOut(now)) return Refused("AccountLocked", "The account of this API key is locked.");

        if (row.LastUsedAt is null || now.UtcDateTime - row.LastUsedAt.Value > LastUsedResolution)
        {
            // Recorded at most every few minutes: a busy key does not write on every request.
            var (id, at) = (row.Id, now.UtcDateTime);
            await db.UpdateOnlyAsync(() => new BaaSApiKey { LastUsedAt = at }, k => k.Id == id, ct).ConfigureAwait(false);
        }

        var claims = new List<Claim>
        {
            new(AuthClaims.UserId, user.IdText),
            new(AuthClaims.UserName, user.UserName),
            new(AuthClaims.AuthMethod, AuthDefaults.ApiKeyMethod),
            new(AuthClaims.ApiKeyId, row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        if (user.Email is not null) claims.Add(new Claim(AuthClaims.Email, user.Email));
        claims.AddRange(user.Roles.Select(r => new Claim(AuthClaims.Role, r)));
        claims.AddRange(user.Permissions.Select(p => new Claim(AuthClaims.Permission, p)));
        claims.AddRange(row.Scopes.Select(s => new Claim(AuthClaims.Scope, s)));
        return new TokenCheck(new ClaimsIdentity(claims, AuthDefaults.Scheme, AuthClaims.UserName, AuthClaims.Role), null, null);
    }

    public static ApiKeyInfo ToInfo(BaaSApiKey row, string? userName) => new()
    {
        Id = row.Id,
        Name = row.Name,
        KeyHint = row.KeyHint,
        Scopes = [.. row.Scopes],
        UserId = row.UserId.ToString(),
        UserName = userName,
        CreatedAt = row.CreatedAt,
        ExpiresAt = row.ExpiresAt,
        LastUsedAt = row.LastUsedAt,
        RevokedAt = row.RevokedAt,
    };

    private static TokenCheck Refused(string code, string message) => new(null, code, message);
}
