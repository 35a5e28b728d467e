namespace BaaS;

/// <summary>A user as administrators see it.</summary>
public class AdminUser
{
    /// <summary>The id.</summary>
    public string Id { get; set; } = "";

    /// <summary>The user name.</summary>
    public string UserName { get; set; } = "";

    /// <summary>The email address.</summary>
    public string? Email { get; set; }

    /// <summary>Whether the email address is confirmed.</summary>
    public bool EmailConfirmed { get; set; }

    /// <summary>The name to show.</summary>
    public string? DisplayName { get; set; }

    /// <summary>A picture.</summary>
    public string? ProfileUrl { get; set; }

    /// <summary>The roles.</summary>
    public List<string> Roles { get; set; } = [];

    /// <summary>The permissions.</summary>
    public List<string> Permissions { get; set; } = [];

    /// <summary>OAuth providers the user signs in with.</summary>
    public List<string> Logins { get; set; } = [];

    /// <summary>Whether the user has a password.</summary>
    public bool HasPassword { get; set; }

    /// <summary>Until when the account is locked (UTC); null when it is not.</summary>
    public DateTime? LockedUntil { get; set; }

    /// <summary>Failed sign-ins since the last success.</summary>
    public int AccessFailedCount { get; set; }

    /// <summary>When the account was created (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>When the user last signed in (UTC).</summary>
    public DateTime? LastLoginAt { get; set; }
}
