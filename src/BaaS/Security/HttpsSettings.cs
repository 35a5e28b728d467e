namespace BaaS;

/// <summary>
/// HTTPS (<c>BaaS:Security:Https</c>). In Production, when <see cref="BaaSOptions.PublicUrl"/> is an https address, a
/// request that arrived over plain HTTP is redirected to the same path under the public URL, and answers over HTTPS carry
/// <c>Strict-Transport-Security</c>. Behind a proxy that ends TLS, either trust it
/// (<see cref="ForwardedHeadersSettings.TrustedProxies"/>, so its <c>X-Forwarded-Proto: https</c> counts), or turn
/// <see cref="Redirect"/> off and let the proxy redirect.
/// </summary>
public sealed class HttpsSettings
{
    /// <summary>Redirect plain HTTP to the https public URL. Default (null): in Production.</summary>
    public bool? Redirect { get; set; }

    /// <summary>The redirect's status: 307 or 308 keep the method and body, 301 or 302 do not. Default: 307.</summary>
    public int RedirectStatusCode { get; set; } = 307;

    /// <summary>Send <c>Strict-Transport-Security</c> on answers over HTTPS. Default (null): in Production.</summary>
    public bool? Hsts { get; set; }

    /// <summary>How long browsers keep to HTTPS (HSTS <c>max-age</c>). Default: 365 days.</summary>
    public TimeSpan HstsMaxAge { get; set; } = TimeSpan.FromDays(365);

    /// <summary>Also for every subdomain (HSTS <c>includeSubDomains</c>). Default: false.</summary>
    public bool HstsIncludeSubDomains { get; set; }
}
