using System.Security.Claims;

namespace BaaS.Auth;

/// <summary>Reads the platform's claims from a user, whichever scheme signed them in.</summary>
public static class ClaimsPrincipalExtensions
{
    /// <summary>The user's id (<c>sub</c>, else <see cref="ClaimTypes.NameIdentifier"/>), or null when anonymous.</summary>
    public static string? GetUserId(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true
            ? user.FindFirst(AuthClaims.UserId)?.Value ?? user.FindFirst(ClaimTypes.NameIdentifier)?.Value
            : null;

    /// <summary>The user's name (<c>name</c>, else the identity's name), or null when anonymous.</summary>
    public static string? GetUserName(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.FindFirst(AuthClaims.UserName)?.Value ?? user.Identity.Name : null;

    /// <summary>True when the user has the role (a <c>role</c> claim or the identity's role claim type).</summary>
    public static bool HasRole(this ClaimsPrincipal user, string role) => user.IsInRole(role) || user.HasClaim(AuthClaims.Role, role);

    /// <summary>True when the user has the permission (a <c>perm</c> claim), or is Admin.</summary>
    public static bool HasPermission(this ClaimsPrincipal user, string permission) =>
        user.HasClaim(AuthClaims.Permission, permission) || user.HasRole(AuthRequirements.AdminRole);

    /// <summary>The session (refresh-token family) of the caller's access token, or null.</summary>
    public static string? GetSessionId(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.FindFirst(AuthClaims.SessionId)?.Value : null;

    /// <summary>The id of the API key the caller authenticated with, or null when it used no key.</summary>
    public static long? GetApiKeyId(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && long.TryParse(user.FindFirst(AuthClaims.ApiKeyId)?.Value, out var id) ? id : null;

    /// <summary>True when the caller authenticated with an API key holding <paramref name="scope"/>.</summary>
    public static bool HasScope(this ClaimsPrincipal user, string scope) =>
        user.GetApiKeyId() is not null && user.HasClaim(AuthClaims.Scope, scope);

    /// <summary>The caller's roles.</summary>
    public static List<string> GetRoles(this ClaimsPrincipal user) =>
        [.. user.Claims.Where(c => c.Type == AuthClaims.Role || c.Type == ClaimTypes.Role).Select(c => c.Value).Distinct()];

    /// <summary>The caller's permissions.</summary>
    public static List<string> GetPermissions(this ClaimsPrincipal user) =>
        [.. user.Claims.Where(c => c.Type == AuthClaims.Permission).Select(c => c.Value).Distinct()];
}
