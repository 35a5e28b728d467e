using System.Net;
using Microsoft.Extensions.Options;

namespace BaaS.Security;

/// <summary>
/// Refuses <see cref="SecurityOptions"/> that cannot work, at startup, naming the setting: CORS with any origin (<c>*</c>)
/// and credentials (any site could then act as the user), origins that are not <c>scheme://host[:port]</c>, proxies that
/// are not addresses or networks, header values on several lines, a redirect status that is not a redirect.
/// </summary>
internal sealed class SecurityOptionsValidator : IValidateOptions<SecurityOptions>
{
    private const string Section = SecurityOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, SecurityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var cors = options.Cors;
        if (cors.AllowCredentials && cors.AllowedOrigins.Contains("*"))
            failures.Add($"{Section}:Cors allows any origin ('*') with credentials: any site's scripts could then act as the signed-in user. " +
                "List the origins that may send cookies (AllowedOrigins), or set AllowCredentials to false.");
        foreach (var origin in cors.AllowedOrigins.Where(o => o != "*" && !Origins.IsOrigin(o)))
            failures.Add($"{Section}:Cors:AllowedOrigins has '{origin}': an origin is scheme://host[:port], such as https://app.example.com, or '*'.");
        foreach (var origin in options.Csrf.TrustedOrigins.Where(o => !Origins.IsOrigin(o)))
            failures.Add($"{Section}:Csrf:TrustedOrigins has '{origin}': an origin is scheme://host[:port], such as https://admin.example.com.");
        foreach (var proxy in options.ForwardedHeaders.TrustedProxies.Where(p => !IPAddress.TryParse(p, out _) && !IPNetwork.TryParse(p, out _)))
            failures.Add($"{Section}:ForwardedHeaders:TrustedProxies has '{proxy}': give an address (10.0.0.5) or a network (10.0.0.0/8).");
        if (options.ForwardedHeaders.ForwardLimit < 1)
            failures.Add($"{Section}:ForwardedHeaders:ForwardLimit is {options.ForwardedHeaders.ForwardLimit}: it must be at least 1 (the proxies in a row in front of the app).");
        if (options.Https.RedirectStatusCode is not (301 or 302 or 307 or 308))
            failures.Add($"{Section}:Https:RedirectStatusCode is {options.Https.RedirectStatusCode}: use 307 or 308 (or 301, 302).");
        if (options.Https.HstsMaxAge < TimeSpan.Zero)
            failures.Add($"{Section}:Https:HstsMaxAge is negative: give a duration such as 365.00:00:00.");
        var headers = options.Headers;
        foreach (var (setting, value) in new[]
                 {
                     ("ContentTypeOptions", headers.ContentTypeOptions), ("ReferrerPolicy", headers.ReferrerPolicy), ("FrameOptions", headers.FrameOptions),
                     ("ContentSecurityPolicy", headers.ContentSecurityPolicy), ("PageContentSecurityPolicy", headers.PageContentSecurityPolicy),
                 })
        {
            if (value is not null && value.Any(char.IsControl))
                failures.Add($"{Section}:Headers:{setting} holds a control character (a line break?): write the header's value on one line.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
