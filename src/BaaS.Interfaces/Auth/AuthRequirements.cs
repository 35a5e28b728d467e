using System.Reflection;

namespace BaaS;

/// <summary>Who may call an operation, read once from its request DTO's attributes.</summary>
public sealed class AuthRequirements
{
    /// <summary>The role that has every role and permission.</summary>
    public const string AdminRole = "Admin";

    private AuthRequirements(bool requiresAuth, IReadOnlyList<string> roles, IReadOnlyList<string> permissions,
        bool requiresApiKey, IReadOnlyList<string> apiKeyScopes)
    {
        RequiresAuth = requiresAuth;
        Roles = roles;
        Permissions = permissions;
        RequiresApiKey = requiresApiKey;
        ApiKeyScopes = apiKeyScopes;
    }

    /// <summary>True when callers must be signed in.</summary>
    public bool RequiresAuth { get; }

    /// <summary>Roles a caller must all have (<c>Admin</c> for <see cref="ValidateIsAdminAttribute"/>).</summary>
    public IReadOnlyList<string> Roles { get; }

    /// <summary>Permissions a caller must all have.</summary>
    public IReadOnlyList<string> Permissions { get; }

    /// <summary>True when callers must send an API key (<see cref="ValidateApiKeyAttribute"/>); Admin users may call too.</summary>
    public bool RequiresApiKey { get; }

    /// <summary>
    /// Scopes an API key must all hold to call the operation: those of <see cref="ValidateApiKeyAttribute"/> and
    /// <see cref="ApiKeyScopeAttribute"/>.
    /// </summary>
    public IReadOnlyList<string> ApiKeyScopes { get; }

    /// <summary>
    /// True when API keys may call the operation at all: it asks for a key (<see cref="ValidateApiKeyAttribute"/>),
    /// names the scopes a key needs (<see cref="ApiKeyScopeAttribute"/>), or needs no signed-in caller.
    /// </summary>
    public bool AllowsApiKeys => RequiresApiKey || ApiKeyScopes.Count > 0 || !RequiresAuth;

    /// <summary>The requirements the attributes of <paramref name="requestType"/> declare.</summary>
    public static AuthRequirements Of(Type requestType)
    {
        var roles = requestType.GetCustomAttributes<ValidateHasRoleAttribute>(true).Select(a => a.Role).ToList();
        if (requestType.IsDefined(typeof(ValidateIsAdminAttribute), true)) roles.Insert(0, AdminRole);
        var permissions = requestType.GetCustomAttributes<ValidateHasPermissionAttribute>(true).Select(a => a.Permission).Distinct().ToList();
        var requiresAuth = requestType.IsDefined(typeof(ValidateIsAuthenticatedAttribute), true) || roles.Count > 0 || permissions.Count > 0;
        var apiKeys = requestType.GetCustomAttributes<ValidateApiKeyAttribute>(true).ToList();
        var scopes = apiKeys.Select(a => a.Scope).OfType<string>()
            .Concat(requestType.GetCustomAttributes<ApiKeyScopeAttribute>(true).Select(a => a.Scope)).Distinct().ToList();
        return new AuthRequirements(requiresAuth, [.. roles.Distinct()], permissions, apiKeys.Count > 0, scopes);
    }
}
