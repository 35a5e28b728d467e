namespace BaaS;

/// <summary>
/// Lists users a page at a time, optionally those whose user name, email or display name contains
/// <see cref="Search"/> (Admin only).
/// </summary>
[Tag("Admin")]
[ValidateIsAdmin]
public class AdminQueryUsers : IGet, IReturn<QueryResponse<AdminUser>>
{
    /// <summary>Text to look for (case-insensitive) in the user name, email and display name.</summary>
    public string? Search { get; set; }

    /// <summary>Only users with this role.</summary>
    public string? Role { get; set; }

    /// <summary>
    /// The order: <c>userName</c>, <c>email</c>, <c>displayName</c>, <c>createdAt</c> or <c>lastLoginAt</c>, with
    /// <c>-</c> in front for descending. Default: <c>userName</c>.
    /// </summary>
    public string? OrderBy { get; set; }

    /// <summary>Rows to skip.</summary>
    public int? Skip { get; set; }

    /// <summary>Rows to return (1 to 100; default 50).</summary>
    public int? Take { get; set; }
}
