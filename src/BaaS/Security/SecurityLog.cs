using Microsoft.Extensions.Logging;

namespace BaaS.Security;

/// <summary>The web-security middleware's log messages, source-generated (event ids 1700-1719).</summary>
internal static partial class SecurityLog
{
    [LoggerMessage(EventId = 1700, Level = LogLevel.Warning,
        Message = "Refused a cookie-authenticated {Method} {Path} from untrusted origin {Origin} (Origin/Referer); trusted: the public URL, the request's own origin, BaaS:Security:Csrf:TrustedOrigins and the CORS origins")]
    public static partial void CrossSiteRequestRefused(ILogger logger, string method, string path, string origin);

    [LoggerMessage(EventId = 1701, Level = LogLevel.Information,
        Message = "Web security: CORS origins [{Cors}], cross-site check {Csrf}, HTTPS redirect {Redirect}, HSTS {Hsts}, trusted proxies [{Proxies}]")]
    public static partial void Configured(ILogger logger, string cors, string csrf, bool redirect, bool hsts, string proxies);
}
