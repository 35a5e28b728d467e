using BaaS.Data;

namespace BaaS.Auth.Services;

internal sealed partial class AdminUserServices
{
    /// <summary>The users with their roles, permissions and logins: four queries for the whole page.</summary>
    private async Task<List<AdminUser>> DescribeAsync(DataConnection db, List<BaaSUser> rows)
    {
        if (rows.Count == 0) return [];
        var ids = rows.Select(u => u.Id).ToList();
        var links = await db.SelectAsync<BaaSUserRole>(r => ids.Contains(r.UserId), CancellationToken).ConfigureAwait(false);
        var roleIds = links.Select(l => l.RoleId).Distinct().ToList();
        var roleNames = roleIds.Count == 0 ? [] : (await db.SelectAsync<BaaSRole>(r => roleIds.Contains(r.Id), CancellationToken).ConfigureAwait(false))
            .ToDictionary(r => r.Id, r => r.Name);
        var claims = await db.SelectAsync<BaaSUserClaim>(c => ids.Contains(c.UserId) && c.ClaimType == AuthClaims.Permission, CancellationToken).ConfigureAwait(false);
        var logins = await db.SelectAsync<BaaSUserLogin>(l => ids.Contains(l.UserId), CancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        return [.. rows.Select(u => new AdminUser
        {
            Id = u.Id.ToString(),
            UserName = u.UserName,
            Email = u.Email,
            EmailConfirmed = u.EmailConfirmed,
            DisplayName = u.DisplayName,
            ProfileUrl = u.ProfileUrl,
            Roles = [.. links.Where(l => l.UserId == u.Id).Select(l => roleNames.GetValueOrDefault(l.RoleId)).OfType<string>().Order(StringComparer.Ordinal)],
            Permissions = [.. claims.Where(c => c.UserId == u.Id).Select(c => c.ClaimValue).Distinct().Order(StringComparer.Ordinal)],
            Logins = [.. logins.Where(l => l.UserId == u.Id).Select(l => l.LoginProvider).Distinct().Order(StringComparer.Ordinal)],
            HasPassword = u.PasswordHash is not null,
            LockedUntil = u.LockoutEnd is { } end && end > now ? end.UtcDateTime : null,
            AccessFailedCount = u.AccessFailedCount,
            CreatedAt = u.CreatedAt,
            LastLoginAt = u.LastLoginAt,
        })];
    }
}
