using BaaS.DataAnnotations;

namespace BaaS.Auth;

/// <summary>
/// A refresh token (table <c>baas_refresh_token</c>), stored as the SHA-256 of the token. Every token of one sign-in
/// shares a <see cref="FamilyId"/> (the session); each is spent once, when it is traded for its successor.
/// </summary>
[Alias("baas_refresh_token")]
public class BaaSRefreshToken
{
    /// <summary>The row's id.</summary>
    [AutoIncrement]
    public long Id { get; set; }

    /// <summary>The user.</summary>
    [ForeignKey(typeof(BaaSUser), OnDelete = "CASCADE"), Index]
    public Guid UserId { get; set; }

    /// <summary>The session: the sign-in this token descends from.</summary>
    [Index]
    public Guid FamilyId { get; set; }

    /// <summary>The SHA-256 of the token, hex.</summary>
    [Index(Unique = true), StringLength(64)]
    public string TokenHash { get; set; } = "";

    /// <summary>How the session began: <c>credentials</c> or an OAuth provider.</summary>
    [StringLength(128)]
    public string? AuthProvider { get; set; }

    /// <summary>Whether its cookies outlive the browser (remember me).</summary>
    public bool Persistent { get; set; }

    /// <summary>When it was issued (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>When it expires (UTC).</summary>
    public DateTime ExpiresAt { get; set; }

    /// <summary>When it was traded for its successor (UTC); null while unspent.</summary>
    public DateTime? UsedAt { get; set; }

    /// <summary>When it was revoked (UTC): sign-out, a detected reuse, a password change or a lock.</summary>
    public DateTime? RevokedAt { get; set; }
}
