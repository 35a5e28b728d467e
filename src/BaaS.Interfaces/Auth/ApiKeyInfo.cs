namespace BaaS;

/// <summary>An API key as it is listed: never the key itself, which is shown once, when it is created.</summary>
public class ApiKeyInfo
{
    /// <summary>The key's id (for revoking it).</summary>
    public long Id { get; set; }

    /// <summary>What the key is for.</summary>
    public string Name { get; set; } = "";

    /// <summary>The key's first characters, to recognise it: <c>ak-3fQ9xY2b</c>.</summary>
    public string KeyHint { get; set; } = "";

    /// <summary>The scopes the key holds.</summary>
    public List<string> Scopes { get; set; } = [];

    /// <summary>The user the key acts for.</summary>
    public string? UserId { get; set; }

    /// <summary>That user's name.</summary>
    public string? UserName { get; set; }

    /// <summary>When it was created (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>When it stops working (UTC); null for never.</summary>
    public DateTime? ExpiresAt { get; set; }

    /// <summary>When it was last used (UTC, to within a few minutes).</summary>
    public DateTime? LastUsedAt { get; set; }

    /// <summary>When it was revoked (UTC); null while it works.</summary>
    public DateTime? RevokedAt { get; set; }
}
