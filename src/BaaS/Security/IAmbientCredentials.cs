using Microsoft.AspNetCore.Http;

namespace BaaS;

/// <summary>
/// Tells the cross-site request check (<see cref="CsrfSettings"/>) whether a request would be authenticated by a
/// credential the browser attaches by itself, such as a session cookie, which a page of another site can make it send.
/// The auth feature registers one for <c>ss-tok</c> / <c>ss-reftok</c>; an app with its own cookie scheme registers its
/// own (<c>services.AddSingleton&lt;IAmbientCredentials, MyCookies&gt;()</c>).
/// </summary>
public interface IAmbientCredentials
{
    /// <summary>
    /// True when <paramref name="request"/> would be authenticated by an ambient credential: it carries the cookie, and no
    /// explicit credential (a bearer token, an API key) that the app would use instead.
    /// </summary>
    bool Carries(HttpRequest request);
}
