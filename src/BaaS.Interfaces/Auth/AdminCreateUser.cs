namespace BaaS;

/// <summary>Creates a user with roles and permissions (Admin only).</summary>
[Tag("Admin")]
[ValidateIsAdmin]
public class AdminCreateUser : IPost, IReturn<AdminUserResponse>
{
    /// <summary>The user name; the email when not given.</summary>
    public string? UserName { get; set; }

    /// <summary>The email address (required).</summary>
    public string? Email { get; set; }

    /// <summary>The password; without one the user signs in through OAuth or a password reset.</summary>
    public string? Password { get; set; }

    /// <summary>The name to show.</summary>
    public string? DisplayName { get; set; }

    /// <summary>Roles, from the app's roles.</summary>
    public List<string>? Roles { get; set; }

    /// <summary>Permissions.</summary>
    public List<string>? Permissions { get; set; }

    /// <summary>Treat the email address as confirmed.</summary>
    public bool? EmailConfirmed { get; set; }
}
