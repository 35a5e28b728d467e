using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace BaaS.Security;

/// <summary>
/// Adds the security headers to every answer as it starts (after an error writer has cleared the headers, so errors carry
/// them too): <c>X-Content-Type-Options</c>, <c>Referrer-Policy</c>, <c>X-Frame-Options</c>, a
/// <c>Content-Security-Policy</c> (the page's own for HTML, see <see cref="PageSecurityPolicy"/>), and HSTS over HTTPS.
/// </summary>
/// <remarks><c>X-Content-Type-Options: nosniff</c>, <c>Content-Security-Policy: default-src 'none'; frame-ancestors 'none'</c></remarks>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next, SecurityHeadersSettings settings, string? hsts)
{
    private readonly string? _contentTypeOptions = Value(settings.ContentTypeOptions);
    private readonly string? _referrerPolicy = Value(settings.ReferrerPolicy);
    private readonly string? _frameOptions = Value(settings.FrameOptions);
    private readonly string? _apiPolicy = Value(settings.ContentSecurityPolicy);
    private readonly string? _pagePolicy = Value(settings.PageContentSecurityPolicy);
    private readonly bool _enabled = settings.Enabled;

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(Apply, context);
        return next(context);
    }

    private Task Apply(object state)
    {
        var context = (HttpContext)state;
        var headers = context.Response.Headers;
        if (_enabled)
        {
            if (_contentTypeOptions is not null) headers.XContentTypeOptions = _contentTypeOptions;
            if (_referrerPolicy is not null) headers["Referrer-Policy"] = _referrerPolicy;
            if (_frameOptions is not null) headers.XFrameOptions = _frameOptions;
            if (!headers.ContainsKey(HeaderNames.ContentSecurityPolicy))
            {
                var html = context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true;
                var policy = html ? PageSecurityPolicy.Declared(context) ?? _pagePolicy : _apiPolicy;
                if (policy is not null) headers.ContentSecurityPolicy = policy;
            }
        }
        if (hsts is not null && context.Request.IsHttps) headers.StrictTransportSecurity = hsts;
        return Task.CompletedTask;
    }

    private static string? Value(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
