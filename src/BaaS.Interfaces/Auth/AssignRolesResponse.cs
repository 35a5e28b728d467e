namespace BaaS;

/// <summary>The user's roles and permissions after the change.</summary>
public class AssignRolesResponse : IHasResponseStatus
{
    /// <summary>Every role the user now has.</summary>
    public List<string> AllRoles { get; set; } = [];

    /// <summary>Every permission the user now has.</summary>
    public List<string> AllPermissions { get; set; } = [];

    /// <summary>Extra data.</summary>
    public Dictionary<string, string>? Meta { get; set; }

    /// <inheritdoc />
    public ResponseStatus? ResponseStatus { get; set; }
}
