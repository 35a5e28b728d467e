namespace BaaS;

/// <summary>One user (Admin only).</summary>
[Tag("Admin")]
[ValidateIsAdmin]
public class AdminGetUser : IGet, IReturn<AdminUserResponse>
{
    /// <summary>The user's id.</summary>
    public string? Id { get; set; }
}
