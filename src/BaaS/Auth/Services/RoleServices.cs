using BaaS.Auth.Tokens;
using BaaS.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace BaaS.Auth.Services;

/// <summary>
/// ServiceStack's <see cref="AssignRoles"/> and <see cref="UnAssignRoles"/> (Admin only, by the DTOs' attributes).
/// Roles must be the app's; every role and permission is checked before anything is written. New roles reach the
/// user's tokens at their next refresh; taking one away also refuses the tokens the user holds now (the deny list), so
/// their clients refresh and get tokens without it.
/// </summary>
internal sealed class RoleServices(UserManager<BaaSUser> users, IDbConnectionFactory dbFactory, IOptions<AuthOptions> options, AccessTokenDenyList denyList) : Service
{
    public async Task<AssignRolesResponse> Post(AssignRoles request)
    {
        var user = await FindAsync(request.UserName).ConfigureAwait(false);
        var roles = AuthValidation.Roles(request.Roles, options.Value, nameof(AssignRoles.Roles));
        var permissions = AuthValidation.Permissions(request.Permissions, options.Value, nameof(AssignRoles.Permissions));
        await UserChanges.AddRolesAsync(users, user, roles).ConfigureAwait(false);
        await UserChanges.AddPermissionsAsync(users, user, permissions).ConfigureAwait(false);
        var (allRoles, allPermissions) = await AllAsync(user.Id).ConfigureAwait(false);
        return new AssignRolesResponse { AllRoles = allRoles, AllPermissions = allPermissions };
    }

    public async Task<UnAssignRolesResponse> Post(UnAssignRoles request)
    {
        var user = await FindAsync(request.UserName).ConfigureAwait(false);
        var roles = AuthValidation.Roles(request.Roles, options.Value, nameof(UnAssignRoles.Roles));
        var permissions = (request.Permissions ?? []).Select(p => p?.Trim() ?? "").Where(p => p.Length > 0).ToList();
        var removedRoles = await UserChanges.RemoveRolesAsync(users, user, roles).ConfigureAwait(false);
        var removedPermissions = await UserChanges.RemovePermissionsAsync(users, user, permissions).ConfigureAwait(false);
        // Not cancelled with the request once the roles are gone: the tokens that carry them must follow.
        if (removedRoles || removedPermissions) await denyList.RevokeUserAsync(user.Id, CancellationToken.None).ConfigureAwait(false);
        var (allRoles, allPermissions) = await AllAsync(user.Id).ConfigureAwait(false);
        return new UnAssignRolesResponse { AllRoles = allRoles, AllPermissions = allPermissions };
    }

    private async Task<BaaSUser> FindAsync(string? userName)
    {
        var name = AuthValidation.Required(userName, nameof(AssignRoles.UserName));
        return await users.FindByNameAsync(name).ConfigureAwait(false)
            ?? throw HttpError.NotFound($"There is no user named '{Text.WireFormat.Clip(name)}'.", "UserNotFound");
    }

    private async Task<(List<string> Roles, List<string> Permissions)> AllAsync(Guid userId)
    {
        await using var db = await dbFactory.OpenAsync(CancellationToken).ConfigureAwait(false);
        var roles = await BaaSUserStore.RolesOfAsync(db, userId, CancellationToken).ConfigureAwait(false);
        var permissions = await AuthUsers.PermissionsOfAsync(db, userId, CancellationToken).ConfigureAwait(false);
        return (roles, permissions);
    }
}
