using BaaS.Formats;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace BaaS.Security;

/// <summary>
/// Refuses, with 403 <c>UntrustedOrigin</c>, a POST, PUT, PATCH or DELETE that carries an ambient credential (see
/// <see cref="IAmbientCredentials"/>) and comes from an origin the site does not trust, read from <c>Origin</c>, else
/// from <c>Referer</c>. It runs ahead of routing, so it covers every way in: operations, batches, the auth endpoints and
/// the features' own endpoints. Requests with a bearer token or an API key carry no ambient credential and pass.
/// </summary>
/// <remarks>
/// Trusted: the public URL's origin, <see cref="CsrfSettings.TrustedOrigins"/>, the CORS origins, and the request's own
/// origin (a browser sets <c>Host</c> to the site it sends to, so a page of another site cannot make the two agree).
/// </remarks>
internal sealed class CrossSiteRequestMiddleware(
    RequestDelegate next, IReadOnlyList<IAmbientCredentials> credentials, HashSet<string> trusted, bool allowWithoutOrigin, ILogger logger)
{
    public const string ErrorCode = "UntrustedOrigin";

    private static readonly ResponseWriter Writer = new(Text.JsonProtocol.Options);

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) ||
            HttpMethods.IsTrace(request.Method) || !CarriesAmbientCredential(request))
            return next(context);

        var origin = SourceOrigin(request, out var seen);
        if (origin is null ? seen is null && allowWithoutOrigin : trusted.Contains(origin) || origin == Origins.OfRequest(request))
            return next(context);
        return RefuseAsync(context, seen ?? "(no Origin or Referer)");
    }

    private bool CarriesAmbientCredential(HttpRequest request)
    {
        foreach (var credential in credentials)
        {
            if (credential.Carries(request)) return true;
        }
        return false;
    }

    /// <summary>The origin the request says it comes from; <paramref name="seen"/> is what it said, null when it said nothing.</summary>
    private static string? SourceOrigin(HttpRequest request, out string? seen)
    {
        var origin = request.Headers.Origin;
        if (!StringValues.IsNullOrEmpty(origin))
        {
            seen = origin.ToString();
            return origin.Count == 1 ? Origins.Of(seen) : null; // "null" (an opaque origin) is no origin, so never trusted
        }
        var referer = request.Headers.Referer;
        if (!StringValues.IsNullOrEmpty(referer))
        {
            seen = referer.ToString();
            return referer.Count == 1 ? Origins.Of(seen) : null;
        }
        seen = null;
        return null;
    }

    private Task RefuseAsync(HttpContext context, string origin)
    {
        SecurityLog.CrossSiteRequestRefused(logger, context.Request.Method, context.Request.Path.Value ?? "/", origin);
        var status = new ResponseStatus(ErrorCode,
            $"This {context.Request.Method} carries the session cookie but comes from '{origin}', which this site does not trust: " +
            "cookie-authenticated writes must come from the site's own pages. Send the access token in an 'Authorization: Bearer' header " +
            "instead, or add the origin to BaaS:Security:Csrf:TrustedOrigins.") { Errors = [] };
        context.Response.Headers[HeaderNames.CacheControl] = "no-store";
        return Writer.WriteJsonAsync(context, new ErrorResponse { ResponseStatus = status }, StatusCodes.Status403Forbidden);
    }
}
