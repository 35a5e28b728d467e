namespace BaaS;

/// <summary>
/// Callers need this permission (every one listed, when repeated) to call the operation; <c>Admin</c> has every
/// permission. Others get 401 (not signed in) or 403.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = true)]
public sealed class ValidateHasPermissionAttribute(string permission) : Attribute
{
    /// <summary>The permission, e.g. <c>orders.refund</c>.</summary>
    public string Permission { get; } = permission;
}
