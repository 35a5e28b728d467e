using Microsoft.IdentityModel.JsonWebTokens;

namespace BaaS.Auth.Tokens;

/// <summary>
/// What the deny list needs of an accepted access token, read once when the token is first checked and kept with it:
/// its user, its session (<c>sid</c>) and when it was issued, to the millisecond.
/// </summary>
/// <param name="UserId">The <c>sub</c> claim.</param>
/// <param name="SessionId">The <c>sid</c> claim (a refresh-token family, 32 hex digits), or null.</param>
/// <param name="IssuedAtMs">When the token was issued, in Unix milliseconds (see <see cref="IssuedAtOf"/>).</param>
internal sealed record AccessTokenSubject(string UserId, string? SessionId, long IssuedAtMs)
{
    /// <summary>The token's deny-list key, made once per token rather than once per request.</summary>
    public string DenyKey { get; } = AccessTokenDenyList.KeyOf(UserId);

    /// <summary>The subject of a token that passed every other check, or null when it names no user.</summary>
    public static AccessTokenSubject? From(JsonWebToken jwt)
    {
        if (string.IsNullOrEmpty(jwt.Subject)) return null;
        // Written by the platform as Guid.ToString(); parsed so another spelling of the same id finds the same key.
        var userId = Guid.TryParse(jwt.Subject, out var id) ? id.ToString() : jwt.Subject;
        var sessionId = jwt.TryGetPayloadValue<string>(AuthClaims.SessionId, out var sid) && sid.Length > 0 ? sid : null;
        return new AccessTokenSubject(userId, sessionId, IssuedAtOf(jwt));
    }

    /// <summary>
    /// When <paramref name="jwt"/> was issued, in Unix milliseconds: from its <c>jti</c>, a version-7 UUID whose first 48
    /// bits are the issue time in milliseconds (RFC 9562), because <c>iat</c> counts whole seconds and a cut-off must tell
    /// a token issued just before it from one issued just after, in the same second. A token without such a <c>jti</c>
    /// (issued before jti carried the time) is taken as issued at the start of its <c>iat</c> second, or at the epoch
    /// without one: never later than it was, so a cut-off never spares it.
    /// </summary>
    public static long IssuedAtOf(JsonWebToken jwt)
    {
        if (Guid.TryParseExact(jwt.Id, "N", out var jti) && jti.Version == 7)
        {
            Span<byte> bytes = stackalloc byte[16];
            jti.TryWriteBytes(bytes, bigEndian: true, out _);
            return (long)bytes[0] << 40 | (long)bytes[1] << 32 | (long)bytes[2] << 24 | (long)bytes[3] << 16 | (long)bytes[4] << 8 | bytes[5];
        }
        return jwt.IssuedAt == DateTime.MinValue ? 0 : new DateTimeOffset(DateTime.SpecifyKind(jwt.IssuedAt, DateTimeKind.Utc)).ToUnixTimeMilliseconds();
    }
}
