using BaaS.DataAnnotations;

namespace BaaS.Auth;

/// <summary>
/// A user account (table <c>baas_user</c>), stored through ASP.NET Core Identity's <c>UserManager</c>. Apps keep their
/// own data about users in their own tables, keyed by <see cref="Id"/> (the JWT's <c>sub</c>).
/// </summary>
[Alias("baas_user")]
public class BaaSUser
{
    /// <summary>The id: a time-ordered Guid given on creation.</summary>
    [AutoId]
    public Guid Id { get; set; }

    /// <summary>The user name as typed.</summary>
    [StringLength(256)]
    public string UserName { get; set; } = "";

    /// <summary>The user name normalized for lookups (upper case).</summary>
    [Index(Unique = true), StringLength(256)]
    public string NormalizedUserName { get; set; } = "";

    /// <summary>The email address.</summary>
    [StringLength(256)]
    public string? Email { get; set; }

    /// <summary>The email normalized for lookups (upper case); unique.</summary>
    [Index(Unique = true), StringLength(256)]
    public string? NormalizedEmail { get; set; }

    /// <summary>Whether the user proved they own the email address (or an OAuth provider vouched for it).</summary>
    public bool EmailConfirmed { get; set; }

    /// <summary>Identity's password hash (PBKDF2); null for users without a password.</summary>
    public string? PasswordHash { get; set; }

    /// <summary>Changes whenever credentials change, which invalidates tokens made before.</summary>
    public string SecurityStamp { get; set; } = "";

    /// <summary>Changes on every update: a stale copy cannot overwrite a newer one.</summary>
    public string ConcurrencyStamp { get; set; } = "";

    /// <summary>The name to show.</summary>
    [StringLength(256)]
    public string? DisplayName { get; set; }

    /// <summary>A picture.</summary>
    public string? ProfileUrl { get; set; }

    /// <summary>A phone number.</summary>
    [StringLength(64)]
    public string? PhoneNumber { get; set; }

    /// <summary>Whether failed sign-ins can lock the account.</summary>
    public bool LockoutEnabled { get; set; }

    /// <summary>Until when the account is locked; null or past when it is not.</summary>
    public DateTimeOffset? LockoutEnd { get; set; }

    /// <summary>Failed sign-ins since the last success.</summary>
    public int AccessFailedCount { get; set; }

    /// <summary>When the account was created (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>When the account was last changed (UTC).</summary>
    public DateTime? ModifiedAt { get; set; }

    /// <summary>When the user last signed in (UTC).</summary>
    public DateTime? LastLoginAt { get; set; }
}
