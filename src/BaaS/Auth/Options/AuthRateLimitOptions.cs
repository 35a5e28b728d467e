namespace BaaS.Auth;

/// <summary>
/// The rate limit of the endpoints that take passwords or send email (sign-in, registration, token refresh,
/// password reset, confirmation): per client IP address, a fixed window. Over it, 429 with <c>Retry-After</c>.
/// </summary>
public sealed class AuthRateLimitOptions
{
    /// <summary>Whether the limit applies. Default: true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Requests one IP address may make in a window. Default: 20.</summary>
    public int PermitLimit { get; set; } = 20;

    /// <summary>The window. Default: 1 minute.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
