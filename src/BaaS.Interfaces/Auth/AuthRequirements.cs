using System.Reflection;

namespace BaaS;

/// <summary>Who may call an operation, read once from its request DTO's attributes.</summary>
public sealed class AuthRequirements
{
    /// <summary>The role that has every role and permission.</summary>
    public const string AdminRole = "Admin";

    private AuthRequirements(bool requiresAuth, IReadOnlyList<string> roles, IReadOnlyList<string> permissions)
    {
        RequiresAuth = requiresAuth;
        Roles = roles;
        Permissions = permissions;
    }

    /// <summary>True when callers must be signed in.</summary>
    public bool RequiresAuth { get; }

    /// <summary>Roles a caller must all have (<c>Admin</c> for <see cref="ValidateIsAdminAttribute"/>).</summary>
    public IReadOnlyList<string> Roles { get; }

    /// <summary>Permissions a caller must all have.</summary>
    public IReadOnlyList<string> Permissions { get; }

    /// <summary>The requirements the attributes of <paramref name="requestType"/> declare.</summary>
    public static AuthRequirements Of(Type requestType)
    {
        var roles = requestType.GetCustomAttributes<ValidateHasRoleAttribute>(true).Select(a => a.Role).ToList();
        if (requestType.IsDefined(typeof(ValidateIsAdminAttribute), true)) roles.Insert(0, AdminRole);
        var permissions = requestType.GetCustomAttributes<ValidateHasPermissionAttribute>(true).Select(a => a.Permission).Distinct().ToList();
        var requiresAuth = requestType.IsDefined(typeof(ValidateIsAuthenticatedAttribute), true) || roles.Count > 0 || permissions.Count > 0;
        return new AuthRequirements(requiresAuth, [.. roles.Distinct()], permissions);
    }
}
