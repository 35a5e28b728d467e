namespace BaaS.Auth;

/// <summary>API keys: <c>ak-</c> followed by 32 random characters, stored hashed, acting for a user.</summary>
public sealed class ApiKeyOptions
{
    /// <summary>Every scope a key may hold (administrators give any of them). Empty: keys hold no scopes.</summary>
    public List<string> Scopes { get; set; } = [];

    /// <summary>The scopes users may give their own keys; a subset of <see cref="Scopes"/>.</summary>
    public List<string> UserScopes { get; set; } = [];

    /// <summary>How long a key works when its creator names no expiry; null for no expiry. Default: null.</summary>
    public TimeSpan? DefaultLifetime { get; set; }

    /// <summary>The most keys (revoked ones excluded) a user may have. Default: 25.</summary>
    public int MaxKeysPerUser { get; set; } = 25;

    /// <summary>The header that carries a key besides <c>Authorization: Bearer</c>. Default: <c>X-Api-Key</c>.</summary>
    public string HeaderName { get; set; } = "X-Api-Key";
}
