namespace BaaS;

/// <summary>
/// Trades a refresh token (from the body, else the <c>ss-reftok</c> cookie) for a new access token and a new refresh
/// token (<c>POST /access-token</c>). Each refresh token works once: presenting a spent one again ends its session.
/// </summary>
[Route("/access-token")]
[Tag("Auth")]
public class GetAccessToken : IPost, IReturn<GetAccessTokenResponse>
{
    /// <summary>The refresh token; when absent, the <c>ss-reftok</c> cookie is used.</summary>
    public string? RefreshToken { get; set; }

    /// <summary>
    /// Answer with cookies only: the new tokens go in <c>ss-tok</c>/<c>ss-reftok</c> and the body carries none
    /// (what ServiceStack's browser clients ask for).
    /// </summary>
    public bool? UseTokenCookie { get; set; }

    /// <summary>Extra data; ignored by the server.</summary>
    public Dictionary<string, string>? Meta { get; set; }
}
