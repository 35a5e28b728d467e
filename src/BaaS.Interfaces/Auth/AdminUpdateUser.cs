namespace BaaS;

/// <summary>
/// Changes a user (Admin only): only the fields sent change. Locking, setting a password and
/// <see cref="SignOutEverywhere"/> end the user's sessions.
/// </summary>
[Tag("Admin")]
[ValidateIsAdmin]
public class AdminUpdateUser : IPut, IReturn<AdminUserResponse>
{
    /// <summary>The user's id.</summary>
    public string? Id { get; set; }

    /// <summary>A new user name.</summary>
    public string? UserName { get; set; }

    /// <summary>A new email address.</summary>
    public string? Email { get; set; }

    /// <summary>Whether the email address counts as confirmed.</summary>
    public bool? EmailConfirmed { get; set; }

    /// <summary>A new display name.</summary>
    public string? DisplayName { get; set; }

    /// <summary>A new password (a reset by an administrator).</summary>
    public string? Password { get; set; }

    /// <summary>Roles to add, from the app's roles.</summary>
    public List<string>? AddRoles { get; set; }

    /// <summary>Roles to remove.</summary>
    public List<string>? RemoveRoles { get; set; }

    /// <summary>Permissions to add.</summary>
    public List<string>? AddPermissions { get; set; }

    /// <summary>Permissions to remove.</summary>
    public List<string>? RemovePermissions { get; set; }

    /// <summary>Lock the account until this time (UTC, in the future).</summary>
    public DateTime? LockUntil { get; set; }

    /// <summary>Unlock the account and clear its failed sign-ins.</summary>
    public bool? Unlock { get; set; }

    /// <summary>
    /// End every session of the user: revoke all their refresh tokens, refuse the access tokens they already hold, and
    /// change their security stamp (which voids outstanding password-reset and email-confirmation links). For the
    /// caller's own account, the caller's current session is kept.
    /// </summary>
    public bool? SignOutEverywhere { get; set; }
}
