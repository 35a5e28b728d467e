namespace BaaS;

/// <summary>
/// Reverse proxies (<c>BaaS:Security:ForwardedHeaders</c>). A request that comes from a listed proxy has its client
/// address, scheme and host taken from <c>X-Forwarded-For</c>, <c>X-Forwarded-Proto</c> and <c>X-Forwarded-Host</c>, so the
/// auth rate limit and everything else that reads the client address see the real client. From any other address those
/// headers change nothing. None by default. Links never follow the forwarded host: they come from the public URL.
/// </summary>
public sealed class ForwardedHeadersSettings
{
    /// <summary>The proxies' addresses (<c>10.0.0.5</c>) or networks (<c>10.0.0.0/8</c>, <c>fd00::/8</c>). Default: none.</summary>
    public List<string> TrustedProxies { get; set; } = [];

    /// <summary>
    /// How many proxies in a row to walk back through (each must be trusted): 1 for one proxy in front of the app.
    /// Default: 1.
    /// </summary>
    public int ForwardLimit { get; set; } = 1;
}
