using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BaaS.Auth.Sessions;

/// <summary>
/// Writes and reads the token cookies (<c>ss-tok</c>, <c>ss-reftok</c>): HttpOnly, SameSite=Lax, Secure outside
/// Development, with <c>Max-Age</c> (never <c>Expires</c>, whose comma ServiceStack's JavaScript client splits on).
/// Cookies are appended when the response starts, so an error answer written later (which clears the headers)
/// still carries a token that was rotated on the way. <c>X-Cookies</c> names them for ServiceStack's clients.
/// </summary>
/// <remarks><c>Set-Cookie: ss-tok=eyJ...; max-age=900; path=/; secure; samesite=lax; httponly</c></remarks>
internal sealed class AuthCookies(IOptions<AuthOptions> options, IHostEnvironment environment)
{
    private static readonly object PendingKey = new();
    private readonly AuthCookieOptions _cookies = options.Value.Cookies;
    private readonly JwtOptions _jwt = options.Value.Jwt;
    private readonly bool _secure = options.Value.Cookies.Secure ?? !environment.IsDevelopment();

    public string AccessTokenName => _cookies.AccessTokenName;

    public string RefreshTokenName => _cookies.RefreshTokenName;

    public string? ReadAccessToken(HttpRequest request) => NonEmpty(request.Cookies[_cookies.AccessTokenName]);

    public string? ReadRefreshToken(HttpRequest request) => NonEmpty(request.Cookies[_cookies.RefreshTokenName]);

    /// <summary>Sets <c>ss-tok</c>, and <c>ss-reftok</c> when a refresh token is given; persistent cookies outlive the browser.</summary>
    public void SetTokens(HttpContext context, string accessToken, string? refreshToken, bool persistent)
    {
        var pending = Pending(context);
        pending[_cookies.AccessTokenName] = (accessToken, persistent ? _jwt.AccessTokenLifetime : null);
        if (refreshToken is not null) pending[_cookies.RefreshTokenName] = (refreshToken, persistent ? _jwt.RefreshTokenLifetime : null);
    }

    /// <summary>Removes both cookies from the browser.</summary>
    public void Clear(HttpContext context)
    {
        var pending = Pending(context);
        pending[_cookies.AccessTokenName] = ("", TimeSpan.Zero);
        pending[_cookies.RefreshTokenName] = ("", TimeSpan.Zero);
    }

    private Dictionary<string, (string Value, TimeSpan? MaxAge)> Pending(HttpContext context)
    {
        if (context.Items.TryGetValue(PendingKey, out var existing)) return (Dictionary<string, (string, TimeSpan?)>)existing!;
        var pending = new Dictionary<string, (string Value, TimeSpan? MaxAge)>(StringComparer.Ordinal);
        context.Items[PendingKey] = pending;
        context.Response.OnStarting(() =>
        {
            foreach (var (name, (value, maxAge)) in pending)
            {
                context.Response.Cookies.Append(name, value, new CookieOptions
                {
                    HttpOnly = true,
                    Secure = _secure,
                    SameSite = _cookies.SameSite,
                    Path = _cookies.Path,
                    Domain = _cookies.Domain,
                    MaxAge = maxAge,
                    IsEssential = true,
                });
            }
            if (pending.Count > 0) context.Response.Headers["X-Cookies"] = string.Join(",", pending.Keys);
            return Task.CompletedTask;
        });
        return pending;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
