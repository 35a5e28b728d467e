namespace BaaS;

/// <summary>
/// The web-security settings of the HTTP surface, in one place: CORS, the cross-site request check of cookie-authenticated
/// writes, the security headers, HTTPS, and which proxies may say who the client is. Read from the <c>BaaS:Security</c>
/// configuration section (<c>BaaS__Security__Cors__AllowedOrigins__0</c> as an environment variable), then changed by code
/// (<c>services.Configure&lt;SecurityOptions&gt;(o =&gt; ...)</c>); validated when the app starts, and read once then.
/// </summary>
public sealed class SecurityOptions
{
    /// <summary>The configuration section the options are read from.</summary>
    public const string SectionName = "BaaS:Security";

    /// <summary>Which other origins' pages may call the API from a browser. Default: none.</summary>
    public CorsSettings Cors { get; } = new();

    /// <summary>The origin check of cookie-authenticated POST, PUT, PATCH and DELETE requests.</summary>
    public CsrfSettings Csrf { get; } = new();

    /// <summary>The headers every answer carries.</summary>
    public SecurityHeadersSettings Headers { get; } = new();

    /// <summary>Redirecting plain HTTP to the public HTTPS address, and HSTS.</summary>
    public HttpsSettings Https { get; } = new();

    /// <summary>The proxies whose <c>X-Forwarded-*</c> headers are believed. Default: none.</summary>
    public ForwardedHeadersSettings ForwardedHeaders { get; } = new();
}
