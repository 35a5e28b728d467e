namespace BaaS;

/// <summary>Takes roles and permissions from a user (Admin only): <c>POST /unassignroles</c>.</summary>
[Route("/unassignroles")]
[Tag("Auth")]
[ValidateIsAdmin]
public class UnAssignRoles : IPost, IReturn<UnAssignRolesResponse>
{
    /// <summary>The user, by user name.</summary>
    public string? UserName { get; set; }

    /// <summary>Permissions to remove.</summary>
    public List<string>? Permissions { get; set; }

    /// <summary>Roles to remove.</summary>
    public List<string>? Roles { get; set; }

    /// <summary>Extra data; ignored by the server.</summary>
    public Dictionary<string, string>? Meta { get; set; }
}
