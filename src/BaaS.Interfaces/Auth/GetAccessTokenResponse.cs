namespace BaaS;

/// <summary>
/// The new access token, and the refresh token that replaces the one just spent (store it: the old one no longer
/// works). Both are left out of the body when the request asked for cookies (<see cref="GetAccessToken.UseTokenCookie"/>).
/// </summary>
public class GetAccessTokenResponse : IHasResponseStatus
{
    /// <summary>The new access token.</summary>
    public string? AccessToken { get; set; }

    /// <summary>The new refresh token (absent when the spent token was presented again within the reuse grace period).</summary>
    public string? RefreshToken { get; set; }

    /// <summary>When the new refresh token expires (UTC).</summary>
    public DateTime? RefreshTokenExpiry { get; set; }

    /// <summary>Extra data.</summary>
    public Dictionary<string, string>? Meta { get; set; }

    /// <inheritdoc />
    public ResponseStatus? ResponseStatus { get; set; }
}
