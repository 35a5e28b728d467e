namespace BaaS;

/// <summary>
/// Caches the answers of a GET operation: <c>[CacheResponse(Duration = 60)]</c> on a request DTO. A second identical
/// call (same operation, same request values, same format, and the same user or roles when it varies by them) is answered
/// from the platform's cache with the first answer's body, status and content type, an <c>ETag</c> and
/// <c>Cache-Control</c>; <c>If-None-Match</c> with that ETag answers 304. AutoQuery writes to the data model a query reads
/// (and <c>IResponseCache.InvalidateAsync</c>) drop its cached answers on every node. Needs <c>AddResponseCache()</c>;
/// see docs/response-caching.md.
/// </summary>
/// <remarks>
/// Errors, empty answers and streams are never cached. A call by a signed-in user (or an API key) is neither served
/// from nor stored in the cache unless the attribute varies by user or by roles, so a per-user answer never reaches
/// another caller.
/// </remarks>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = true)]
public sealed class CacheResponseAttribute : Attribute
{
    /// <summary>How long, in seconds, an answer stays in the cache (at least 1). Default: 60.</summary>
    public int Duration { get; set; } = 60;

    /// <summary>
    /// The <c>max-age</c> of the <c>Cache-Control</c> header, in seconds: how long browsers and proxies may reuse the
    /// answer without asking. Default (-1): <see cref="Duration"/>. 0 makes clients revalidate every time (with
    /// <c>If-None-Match</c>, answered 304 while the answer stands).
    /// </summary>
    public int MaxAge { get; set; } = -1;

    /// <summary>
    /// Keep one answer per caller (user id, or API key): the answer may depend on who asks. Signed-in callers are then
    /// cached, and the answer says <c>Cache-Control: private</c>. Default: false.
    /// </summary>
    public bool VaryByUser { get; set; }

    /// <summary>
    /// Keep one answer per combination of these roles that the caller has: the answer depends on them and on nothing
    /// else about the caller. Signed-in callers are then cached, and the answer says <c>Cache-Control: private</c>.
    /// </summary>
    public string[]? VaryByRoles { get; set; }

    /// <summary>
    /// Keep one answer per request values (route, query string, body), normalised so their order does not matter.
    /// Default: true. False keeps one answer for the operation whatever the values (per format, user and roles).
    /// </summary>
    public bool VaryByQuery { get; set; } = true;

    /// <summary>
    /// The data models the answer is built from, for operations AutoQuery does not implement: writes to any of them
    /// drop the cached answers. An AutoQuery query's own model and joined models are always included.
    /// </summary>
    public Type[]? Models { get; set; }
}
