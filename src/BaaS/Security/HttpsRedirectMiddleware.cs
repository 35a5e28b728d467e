using Microsoft.AspNetCore.Http;

namespace BaaS.Security;

/// <summary>
/// Redirects a request that arrived over plain HTTP to the same path and query under the https public URL, never under
/// the request's Host header (which the caller chooses).
/// </summary>
/// <remarks><c>GET http://app.example.com/api/Hello?x=1</c> -&gt; <c>307 Location: https://app.example.com/api/Hello?x=1</c></remarks>
internal sealed class HttpsRedirectMiddleware(RequestDelegate next, string publicUrl, int statusCode)
{
    private readonly string _base = publicUrl.TrimEnd('/');

    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.IsHttps) return next(context);
        context.Response.StatusCode = statusCode;
        context.Response.Headers.Location = _base + context.Request.Path.ToUriComponent() + context.Request.QueryString.ToUriComponent();
        return Task.CompletedTask;
    }
}
