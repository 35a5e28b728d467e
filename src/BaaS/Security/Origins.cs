using Microsoft.AspNetCore.Http;

namespace BaaS.Security;

/// <summary>Web origins (<c>scheme://host[:port]</c>) in one spelling: lower case, without the scheme's default port.</summary>
internal static class Origins
{
    /// <summary>The origin of an absolute http(s) URL, or null when it is not one.</summary>
    public static string? Of(string? url)
    {
        if (string.IsNullOrEmpty(url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")) return null;
        return uri.IsDefaultPort ? $"{uri.Scheme}://{uri.IdnHost}".ToLowerInvariant() : $"{uri.Scheme}://{uri.IdnHost}:{uri.Port}".ToLowerInvariant();
    }

    /// <summary>Whether <paramref name="value"/> is exactly an origin: a scheme and host, no path, query or user info.</summary>
    public static bool IsOrigin(string value)
    {
        var trimmed = value.TrimEnd('/');
        return Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && trimmed.Count(c => c == '/') == 2 &&
            uri.Query.Length == 0 && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0;
    }

    /// <summary>
    /// The origins the site trusts for writes made with the browser's credentials: the public URL's, the configured
    /// trusted origins and the CORS origins (never <c>*</c>).
    /// </summary>
    public static HashSet<string> Trusted(SecurityOptions options, string? publicUrl) =>
    [
        .. options.Csrf.TrustedOrigins.Concat(options.Cors.AllowedOrigins.Where(o => o != "*").Select(o => o.TrimEnd('/')))
            .Append(publicUrl ?? "").Select(Of).OfType<string>(),
    ];

    /// <summary>The origin the request was sent to, as its browser would spell it.</summary>
    public static string? OfRequest(HttpRequest request) => request.Host.HasValue ? Of($"{request.Scheme}://{request.Host.Value}") : null;
}
