namespace BaaS;

/// <summary>
/// The CORS policy (<c>BaaS:Security:Cors</c>). None by default: browsers refuse pages of other origins the answers
/// to their cross-origin calls. Listing origins answers their preflights and lets their scripts read the answers; with
/// <see cref="AllowCredentials"/> their calls may also carry the user's cookies. Origins listed here are also trusted by
/// the cross-site check of cookie-authenticated writes (<see cref="CsrfSettings"/>).
/// </summary>
public sealed class CorsSettings
{
    /// <summary>
    /// The origins allowed, each <c>scheme://host[:port]</c> (<c>https://app.example.com</c>), or <c>*</c> for any origin
    /// (refused at startup together with <see cref="AllowCredentials"/>). Default: none, and no CORS at all.
    /// </summary>
    public List<string> AllowedOrigins { get; set; } = [];

    /// <summary>Let the allowed origins send cookies (<c>Access-Control-Allow-Credentials: true</c>). Default: false.</summary>
    public bool AllowCredentials { get; set; }

    /// <summary>The methods allowed; empty for any. Default: any.</summary>
    public List<string> AllowedMethods { get; set; } = [];

    /// <summary>The request headers allowed; empty for any. Default: any.</summary>
    public List<string> AllowedHeaders { get; set; } = [];

    /// <summary>Response headers scripts may read beside the simple ones. Default: <c>X-Cookies</c>, <c>Retry-After</c> and the rate-limit headers (<c>RateLimit-Limit</c>, <c>-Remaining</c>, <c>-Reset</c>, <c>-Policy</c>).</summary>
    public List<string> ExposedHeaders { get; set; } = ["X-Cookies", "Retry-After", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "RateLimit-Policy"];

    /// <summary>How long a browser may cache a preflight answer. Default: 10 minutes.</summary>
    public TimeSpan PreflightMaxAge { get; set; } = TimeSpan.FromMinutes(10);
}
