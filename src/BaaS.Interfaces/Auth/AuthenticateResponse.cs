namespace BaaS;

/// <summary>
/// Who signed in, and the tokens for later requests: send <see cref="BearerToken"/> as
/// <c>Authorization: Bearer ...</c> and trade <see cref="RefreshToken"/> for a new one with <see cref="GetAccessToken"/>.
/// Browsers get both as HttpOnly cookies (<c>ss-tok</c>, <c>ss-reftok</c>) too.
/// </summary>
public class AuthenticateResponse : IHasResponseStatus
{
    /// <summary>The user's id.</summary>
    public string? UserId { get; set; }

    /// <summary>This sign-in's session: every refresh token of the session shares it, and sign-out ends it.</summary>
    public string? SessionId { get; set; }

    /// <summary>The user name.</summary>
    public string? UserName { get; set; }

    /// <summary>The name to show (the user name when none was given).</summary>
    public string? DisplayName { get; set; }

    /// <summary>Where the client came from, when known.</summary>
    public string? ReferrerUrl { get; set; }

    /// <summary>The access token (a JWT), valid for a short time (15 minutes by default).</summary>
    public string? BearerToken { get; set; }

    /// <summary>The refresh token: single use, traded for a new access token and a new refresh token.</summary>
    public string? RefreshToken { get; set; }

    /// <summary>When the refresh token expires (UTC).</summary>
    public DateTime? RefreshTokenExpiry { get; set; }

    /// <summary>The user's picture, when an OAuth provider gave one.</summary>
    public string? ProfileUrl { get; set; }

    /// <summary>The user's roles.</summary>
    public List<string>? Roles { get; set; }

    /// <summary>The user's permissions.</summary>
    public List<string>? Permissions { get; set; }

    /// <summary>How the user signed in: <c>credentials</c> or the OAuth provider's name.</summary>
    public string? AuthProvider { get; set; }

    /// <summary>Extra data.</summary>
    public Dictionary<string, string>? Meta { get; set; }

    /// <inheritdoc />
    public ResponseStatus? ResponseStatus { get; set; }
}
