namespace BaaS;

/// <summary>
/// The cross-site request check (<c>BaaS:Security:Csrf</c>): a POST, PUT, PATCH or DELETE that a browser could have sent
/// with the user's cookies (it carries the session cookie and no <c>Authorization</c> or API-key header) must come from a
/// trusted origin, read from <c>Origin</c> or else <c>Referer</c>, or it is refused with 403 <c>CrossSiteRequest</c>.
/// Trusted: the public URL's origin, the request's own origin, the CORS origins, and <see cref="TrustedOrigins"/>.
/// Requests authenticated with a bearer token or an API key carry no ambient credential and are not checked.
/// </summary>
public sealed class CsrfSettings
{
    /// <summary>Check cookie-authenticated writes. Default: true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>More origins (<c>https://admin.example.com</c>) whose pages may send cookie-authenticated writes.</summary>
    public List<string> TrustedOrigins { get; set; } = [];

    /// <summary>
    /// Allow a cookie-authenticated write that has neither <c>Origin</c> nor <c>Referer</c>. Browsers send <c>Origin</c> on
    /// every cross-origin POST, PUT, PATCH and DELETE (a page that hides its referrer sends <c>Origin: null</c>, which is
    /// refused), so such a request comes from a program holding the cookie itself (a typed client, curl), which no page
    /// can make act for it. Default: true; false refuses them too.
    /// </summary>
    public bool AllowWithoutOrigin { get; set; } = true;
}
