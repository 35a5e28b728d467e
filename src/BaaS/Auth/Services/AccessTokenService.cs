using BaaS.Auth.Sessions;

namespace BaaS.Auth.Services;

/// <summary>
/// ServiceStack's <see cref="GetAccessToken"/> (<c>POST /access-token</c>): rotates the refresh token from the body or
/// the <c>ss-reftok</c> cookie. A cookie (or <c>useTokenCookie</c>) answers with new cookies; <c>useTokenCookie</c>
/// leaves the tokens out of the body, as ServiceStack's browser client expects.
/// </summary>
internal sealed class AccessTokenService(AuthSessions sessions, AuthCookies cookies) : Service
{
    public async Task<GetAccessTokenResponse> Post(GetAccessToken request)
    {
        var fromCookie = string.IsNullOrWhiteSpace(request.RefreshToken);
        var token = fromCookie ? cookies.ReadRefreshToken(Request) : request.RefreshToken!.Trim();
        if (token is null)
            throw HttpError.Validation(nameof(GetAccessToken.RefreshToken), "Required",
                "'RefreshToken' is required (or send the ss-reftok cookie).");
        RefreshedSession session;
        try
        {
            session = await sessions.RefreshAsync(token, CancellationToken).ConfigureAwait(false);
        }
        catch (HttpError) when (fromCookie)
        {
            cookies.Clear(HttpContext);
            throw;
        }
        var useCookies = request.UseTokenCookie == true;
        if (useCookies || fromCookie) sessions.SetCookies(HttpContext, session);
        if (useCookies) return new GetAccessTokenResponse();
        return new GetAccessTokenResponse
        {
            AccessToken = session.AccessToken,
            RefreshToken = session.Next?.Token,
            RefreshTokenExpiry = session.Next?.Record.ExpiresAt,
        };
    }
}
