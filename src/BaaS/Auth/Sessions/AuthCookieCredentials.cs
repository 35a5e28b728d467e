using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace BaaS.Auth.Sessions;

/// <summary>
/// The auth cookies as an ambient credential, for the cross-site request check: a request carries one when it has
/// <c>ss-tok</c> or <c>ss-reftok</c> and neither a bearer token nor an API-key header, which the authentication handler
/// would read first.
/// </summary>
internal sealed class AuthCookieCredentials(AuthCookies cookies, IOptions<AuthOptions> options) : IAmbientCredentials
{
    private readonly string _apiKeyHeader = options.Value.ApiKeys.HeaderName;

    public bool Carries(HttpRequest request)
    {
        if (request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return false;
        if (request.Headers[_apiKeyHeader].ToString().Length > 0) return false;
        return cookies.ReadAccessToken(request) is not null || cookies.ReadRefreshToken(request) is not null;
    }
}
