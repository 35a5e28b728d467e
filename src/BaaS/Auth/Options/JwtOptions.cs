namespace BaaS.Auth;

/// <summary>
/// How tokens are signed and how long they live. The key comes from configuration or the environment, never from
/// source: <c>Auth__Jwt__Secret</c> (HS256) or <c>Auth__Jwt__KeyFile</c> (a PEM RSA or EC private key: RS256 or
/// ES256). Outside Development a missing key fails startup; in Development an ephemeral key is made for the run.
/// </summary>
public sealed class JwtOptions
{
    /// <summary>
    /// The HS256 secret: base64 of 32 or more random bytes (<c>openssl rand -base64 32</c>), or any text of 32 or more
    /// bytes.
    /// </summary>
    public string? Secret { get; set; }

    /// <summary>A PEM file holding an RSA (RS256) or P-256 EC (ES256) private key; wins over <see cref="Secret"/>.</summary>
    public string? KeyFile { get; set; }

    /// <summary>The <c>iss</c> of issued tokens, and the only one accepted. Default: <c>baas</c>.</summary>
    public string Issuer { get; set; } = "baas";

    /// <summary>The <c>aud</c> of issued tokens, and the only one accepted. Default: <c>baas</c>.</summary>
    public string Audience { get; set; } = "baas";

    /// <summary>How long an access token works. Default: 15 minutes.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a refresh token works; each use starts a new one. Default: 7 days.</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// How long after a refresh token is spent it may be presented again (parallel requests racing to refresh) and
    /// still get an access token, though no new refresh token. Later reuse revokes the whole session. Default: 10 s.
    /// </summary>
    public TimeSpan RefreshTokenReuseInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How often expired refresh tokens (spent, revoked or never used) are deleted; <see cref="TimeSpan.Zero"/> keeps
    /// them. An expired token is refused whether its row exists or not, so deleting it changes no answer. Default: 1 h.
    /// </summary>
    public TimeSpan RefreshTokenCleanupInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Tolerance for clocks that differ between servers. Default: 30 s.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// In Development, sign with an ephemeral key when none is configured (tokens die with the process). Default: true.
    /// </summary>
    public bool EphemeralKeyInDevelopment { get; set; } = true;

    /// <summary>Fails with a message naming the setting when a lifetime or interval cannot work (checked at startup).</summary>
    /// <exception cref="InvalidOperationException">A lifetime is not positive, or an interval is negative.</exception>
    public void Validate()
    {
        if (Problems().FirstOrDefault() is { } problem) throw new InvalidOperationException(problem);
    }

    /// <summary>One line per lifetime or interval that cannot work, naming the setting.</summary>
    internal IEnumerable<string> Problems()
    {
        static string Problem(string name, TimeSpan value, string rule) => $"Auth:Jwt:{name} (Auth__Jwt__{name}) must be {rule}, not {value}.";

        if (AccessTokenLifetime <= TimeSpan.Zero) yield return Problem(nameof(AccessTokenLifetime), AccessTokenLifetime, "positive");
        if (RefreshTokenLifetime <= TimeSpan.Zero) yield return Problem(nameof(RefreshTokenLifetime), RefreshTokenLifetime, "positive");
        if (RefreshTokenReuseInterval < TimeSpan.Zero) yield return Problem(nameof(RefreshTokenReuseInterval), RefreshTokenReuseInterval, "zero or more");
        if (RefreshTokenCleanupInterval < TimeSpan.Zero) yield return Problem(nameof(RefreshTokenCleanupInterval), RefreshTokenCleanupInterval, "zero (off) or more");
        if (ClockSkew < TimeSpan.Zero) yield return Problem(nameof(ClockSkew), ClockSkew, "zero or more");
    }
}
