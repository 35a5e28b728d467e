using System.Security.Claims;
using Microsoft.AspNetCore.Identity;

namespace BaaS.Auth.Services;

/// <summary>
/// Role and permission changes through Identity, adding only what is missing and removing only what is there. The
/// removals answer whether anything was removed: the user's access tokens carry the old roles and permissions, so the
/// caller then cuts them off (<see cref="AccessTokenDenyList.RevokeUserAsync(Guid, CancellationToken)"/>).
/// </summary>
internal static class UserChanges
{
    public static async Task AddRolesAsync(UserManager<BaaSUser> users, BaaSUser user, IReadOnlyList<string> roles)
    {
        var current = await users.GetRolesAsync(user).ConfigureAwait(false);
        var missing = roles.Where(r => !current.Contains(r, StringComparer.OrdinalIgnoreCase)).ToList();
        if (missing.Count == 0) return;
        var result = await users.AddToRolesAsync(user, missing).ConfigureAwait(false);
        if (!result.Succeeded) throw AuthValidation.ToHttpError(result);
    }

    public static async Task<bool> RemoveRolesAsync(UserManager<BaaSUser> users, BaaSUser user, IReadOnlyList<string> roles)
    {
        if (roles.Count == 0) return false;
        var current = await users.GetRolesAsync(user).ConfigureAwait(false);
        var present = roles.Where(r => current.Contains(r, StringComparer.OrdinalIgnoreCase)).ToList();
        if (present.Count == 0) return false;
        var result = await users.RemoveFromRolesAsync(user, present).ConfigureAwait(false);
        if (!result.Succeeded) throw AuthValidation.ToHttpError(result);
        return true;
    }

    public static async Task AddPermissionsAsync(UserManager<BaaSUser> users, BaaSUser user, IReadOnlyList<string> permissions)
    {
        var current = (await users.GetClaimsAsync(user).ConfigureAwait(false)).Where(c => c.Type == AuthClaims.Permission).Select(c => c.Value).ToHashSet();
        var missing = permissions.Where(p => !current.Contains(p)).Select(p => new Claim(AuthClaims.Permission, p)).ToList();
        if (missing.Count == 0) return;
        var result = await users.AddClaimsAsync(user, missing).ConfigureAwait(false);
        if (!result.Succeeded) throw AuthValidation.ToHttpError(result);
    }

    public static async Task<bool> RemovePermissionsAsync(UserManager<BaaSUser> users, BaaSUser user, IReadOnlyList<string> permissions)
    {
        if (permissions.Count == 0) return false;
        var current = (await users.GetClaimsAsync(user).ConfigureAwait(false)).Where(c => c.Type == AuthClaims.Permission).ToList();
        var present = current.Where(c => permissions.Contains(c.Value, StringComparer.OrdinalIgnoreCase)).ToList();
        if (present.Count == 0) return false;
        var result = await users.RemoveClaimsAsync(user, present).ConfigureAwait(false);
        if (!result.Succeeded) throw AuthValidation.ToHttpError(result);
        return true;
    }
}
