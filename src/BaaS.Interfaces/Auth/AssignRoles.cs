namespace BaaS;

/// <summary>Gives a user roles and permissions (Admin only): <c>POST /assignroles</c>.</summary>
[Route("/assignroles")]
[Tag("Auth")]
[ValidateIsAdmin]
public class AssignRoles : IPost, IReturn<AssignRolesResponse>
{
    /// <summary>The user, by user name.</summary>
    public string? UserName { get; set; }

    /// <summary>Permissions to add.</summary>
    public List<string>? Permissions { get; set; }

    /// <summary>Roles to add; each must be one of the app's roles.</summary>
    public List<string>? Roles { get; set; }

    /// <summary>Extra data; ignored by the server.</summary>
    public Dictionary<string, string>? Meta { get; set; }
}
