using BaaS.DataAnnotations;

namespace BaaS.Auth;

/// <summary>An API key (table <c>baas_api_key</c>), stored as the SHA-256 of the key; it acts for its user.</summary>
[Alias("baas_api_key")]
public class BaaSApiKey
{
    /// <summary>The key's id.</summary>
    [AutoIncrement]
    public long Id { get; set; }

    /// <summary>The user the key acts for.</summary>
    [ForeignKey(typeof(BaaSUser), OnDelete = "CASCADE"), Index]
    public Guid UserId { get; set; }

    /// <summary>What the key is for.</summary>
    [StringLength(200)]
    public string Name { get; set; } = "";

    /// <summary>The key's first characters, to recognise it.</summary>
    [StringLength(32)]
    public string KeyHint { get; set; } = "";

    /// <summary>The SHA-256 of the key, hex.</summary>
    [Index(Unique = true), StringLength(64)]
    public string KeyHash { get; set; } = "";

    /// <summary>The scopes the key holds.</summary>
    public List<string> Scopes { get; set; } = [];

    /// <summary>When it was created (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>When it stops working (UTC); null for never.</summary>
    public DateTime? ExpiresAt { get; set; }

    /// <summary>When it was last used (UTC), updated at most every few minutes.</summary>
    public DateTime? LastUsedAt { get; set; }

    /// <summary>When it was revoked (UTC).</summary>
    public DateTime? RevokedAt { get; set; }
}
