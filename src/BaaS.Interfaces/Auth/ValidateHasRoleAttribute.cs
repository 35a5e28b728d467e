namespace BaaS;

/// <summary>
/// Callers need this role (every one listed, when repeated) to call the operation; <c>Admin</c> has every role.
/// Others get 401 (not signed in) or 403.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = true)]
public sealed class ValidateHasRoleAttribute(string role) : Attribute
{
    /// <summary>The role, e.g. <c>Owner</c>.</summary>
    public string Role { get; } = role;
}
