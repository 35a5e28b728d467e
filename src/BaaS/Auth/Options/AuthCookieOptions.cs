using Microsoft.AspNetCore.Http;

namespace BaaS.Auth;

/// <summary>The token cookies: <c>ss-tok</c> (access token) and <c>ss-reftok</c> (refresh token), both HttpOnly.</summary>
public sealed class AuthCookieOptions
{
    /// <summary>The access token cookie's name. Default: <c>ss-tok</c> (ServiceStack's).</summary>
    public string AccessTokenName { get; set; } = "ss-tok";

    /// <summary>The refresh token cookie's name. Default: <c>ss-reftok</c> (ServiceStack's).</summary>
    public string RefreshTokenName { get; set; } = "ss-reftok";

    /// <summary>Mark cookies Secure (HTTPS only). Default (null): everywhere but Development.</summary>
    public bool? Secure { get; set; }

    /// <summary>The SameSite mode. Default: Lax (sent on top-level navigations, not on cross-site requests).</summary>
    public SameSiteMode SameSite { get; set; } = SameSiteMode.Lax;

    /// <summary>The cookies' domain; null for the host that set them.</summary>
    public string? Domain { get; set; }

    /// <summary>The cookies' path. Default: <c>/</c>.</summary>
    public string Path { get; set; } = "/";
}
