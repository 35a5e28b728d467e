namespace BaaS;

/// <summary>Deletes a user with their roles, logins, sessions and API keys (Admin only).</summary>
[Tag("Admin")]
[ValidateIsAdmin]
public class AdminDeleteUser : IDelete, IReturn<IdResponse>
{
    /// <summary>The user's id.</summary>
    public string? Id { get; set; }
}
