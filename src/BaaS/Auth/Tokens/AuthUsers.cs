using BaaS.Data;

namespace BaaS.Auth.Tokens;

/// <summary>Reads a user with roles and permissions in three indexed queries.</summary>
internal static class AuthUsers
{
    public static async Task<AuthUserInfo?> LoadAsync(DataConnection db, Guid userId, CancellationToken ct)
    {
        var user = await db.SingleByIdAsync<BaaSUser>(userId, ct).ConfigureAwait(false);
        return user is null ? null : await LoadAsync(db, user, ct).ConfigureAwait(false);
    }

    public static async Task<AuthUserInfo> LoadAsync(DataConnection db, BaaSUser user, CancellationToken ct)
    {
        var roles = await BaaSUserStore.RolesOfAsync(db, user.Id, ct).ConfigureAwait(false);
        var permissions = await PermissionsOfAsync(db, user.Id, ct).ConfigureAwait(false);
        return new AuthUserInfo(user.Id, user.UserName, user.Email, user.DisplayName, user.ProfileUrl, roles, permissions, user.LockoutEnd);
    }

    public static async Task<List<string>> PermissionsOfAsync(DataConnection db, Guid userId, CancellationToken ct)
    {
        var claims = await db.SelectAsync<BaaSUserClaim>(c => c.UserId == userId && c.ClaimType == AuthClaims.Permission, ct).ConfigureAwait(false);
        return [.. claims.Select(c => c.ClaimValue).Distinct().Order(StringComparer.Ordinal)];
    }
}
