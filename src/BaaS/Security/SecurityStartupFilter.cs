using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BaaS.Security;

/// <summary>
/// Puts the web-security middleware at the very front of the app's pipeline (ahead of routing, authentication and every
/// endpoint, so nothing escapes it), in this order: forwarded headers from trusted proxies, the security headers and HSTS,
/// the HTTPS redirect, CORS, the cross-site request check. Built once from <see cref="SecurityOptions"/> at startup.
/// </summary>
internal sealed class SecurityStartupFilter(
    IOptions<SecurityOptions> options, IOptions<BaaSOptions> baasOptions, IEnumerable<IAmbientCredentials> credentials,
    IHostEnvironment environment, IConfiguration configuration, ILogger<SecurityStartupFilter> logger) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        var o = options.Value;
        var publicUrl = baasOptions.Value.PublicUrl;
        var production = environment.IsProduction();
        var httpsPublicUrl = publicUrl is not null && publicUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

        if (o.ForwardedHeaders.TrustedProxies.Count > 0) app.UseForwardedHeaders(ForwardedHeaders(o.ForwardedHeaders));

        var hsts = (o.Https.Hsts ?? production) ? HstsValue(o.Https) : null;
        app.Use(inner => new SecurityHeadersMiddleware(inner, o.Headers, hsts).InvokeAsync);
        var maxUrl = baasOptions.Value.MaxUrlLength;
        app.Use(inner => new UrlLengthMiddleware(inner, maxUrl).InvokeAsync);

        var redirect = (o.Https.Redirect ?? production) && httpsPublicUrl;
        if (redirect) app.Use(inner => new HttpsRedirectMiddleware(inner, publicUrl!, o.Https.RedirectStatusCode).InvokeAsync);

        var corsOrigins = o.Cors.AllowedOrigins.Select(x => x == "*" ? x : x.TrimEnd('/')).ToArray();
        if (corsOrigins.Length > 0) app.UseCors(policy => CorsPolicy(policy, o.Cors, corsOrigins));

        var ambient = credentials.ToArray();
        if (o.Csrf.Enabled && ambient.Length > 0)
        {
            var trusted = Origins.Trusted(o, publicUrl);
            app.Use(inner => new CrossSiteRequestMiddleware(inner, ambient, trusted, o.Csrf.AllowWithoutOrigin, logger).InvokeAsync);
        }
        SecurityLog.Configured(logger, string.Join(", ", corsOrigins), o.Csrf.Enabled && ambient.Length > 0 ? "on" : "off", redirect, hsts is not null,
            string.Join(", ", o.ForwardedHeaders.TrustedProxies));
        next(app);
    };

    private ForwardedHeadersOptions ForwardedHeaders(ForwardedHeadersSettings settings)
    {
        var forwarded = new ForwardedHeadersOptions
        {
            ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor |
                Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedHost,
            ForwardLimit = settings.ForwardLimit,
        };
        // ASP.NET Core trusts loopback by default; only the configured proxies are trusted here.
        forwarded.KnownProxies.Clear();
        forwarded.KnownIPNetworks.Clear();
        foreach (var proxy in settings.TrustedProxies)
        {
            if (IPAddress.TryParse(proxy, out var address)) forwarded.KnownProxies.Add(address);
            else forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(proxy));
        }
        // A forwarded host must still be one the site answers to (it never makes links: those come from PublicUrl).
        var hosts = configuration["AllowedHosts"];
        if (!string.IsNullOrWhiteSpace(hosts) && !hosts.Split(';', StringSplitOptions.TrimEntries).Contains("*"))
            forwarded.AllowedHosts = [.. hosts.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
        return forwarded;
    }

    private static void CorsPolicy(Microsoft.AspNetCore.Cors.Infrastructure.CorsPolicyBuilder policy, CorsSettings settings, string[] origins)
    {
        if (origins.Contains("*")) policy.AllowAnyOrigin();
        else policy.WithOrigins(origins);
        if (settings.AllowedMethods.Count == 0) policy.AllowAnyMethod();
        else policy.WithMethods([.. settings.AllowedMethods]);
        if (settings.AllowedHeaders.Count == 0) policy.AllowAnyHeader();
        else policy.WithHeaders([.. settings.AllowedHeaders]);
        if (settings.ExposedHeaders.Count > 0) policy.WithExposedHeaders([.. settings.ExposedHeaders]);
        if (settings.AllowCredentials) policy.AllowCredentials();
        policy.SetPreflightMaxAge(settings.PreflightMaxAge);
    }

    private static string HstsValue(HttpsSettings settings) =>
        "max-age=" + ((long)settings.HstsMaxAge.TotalSeconds).ToString(CultureInfo.InvariantCulture) + (settings.HstsIncludeSubDomains ? "; includeSubDomains" : "");
}
