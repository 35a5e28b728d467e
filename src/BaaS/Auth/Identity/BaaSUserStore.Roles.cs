using BaaS.Data;

namespace BaaS.Auth;

public sealed partial class BaaSUserStore
{
    /// <summary>Gives the user a role, creating the role row the first time any user gets it.</summary>
    public async Task AddToRoleAsync(BaaSUser user, string normalizedRoleName, CancellationToken cancellationToken)
    {
        var db = await DbAsync(cancellationToken).ConfigureAwait(false);
        var role = await FindOrCreateRoleAsync(db, normalizedRoleName, cancellationToken).ConfigureAwait(false);
        var userId = user.Id;
        var roleId = role.Id;
        if (await db.ExistsAsync<BaaSUserRole>(r => r.UserId == userId && r.RoleId == roleId, cancellationToken).ConfigureAwait(false)) return;
        try
        {
            await db.InsertAsync(new BaaSUserRole { UserId = userId, RoleId = roleId }, cancellationToken).ConfigureAwait(false);
        }
        catch (UniqueConstraintException)
        {
            // Given in parallel by another request: the user has the role, which is what was asked.
        }
    }

    /// <inheritdoc />
    public async Task RemoveFromRoleAsync(BaaSUser user, string normalizedRoleName, CancellationToken cancellationToken)
    {
        var db = await DbAsync(cancellationToken).ConfigureAwait(false);
        var role = await db.SingleAsync<BaaSRole>(r => r.NormalizedName == normalizedRoleName, cancellationToken).ConfigureAwait(false);
        if (role is null) return;
        var userId = user.Id;
        var roleId = role.Id;
        await db.DeleteAsync<BaaSUserRole>(r => r.UserId == userId && r.RoleId == roleId, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IList<string>> GetRolesAsync(BaaSUser user, CancellationToken cancellationToken)
    {
        var db = await DbAsync(cancellationToken).ConfigureAwait(false);
        return await RolesOfAsync(db, user.Id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The names of the user's roles, sorted.</summary>
    internal static async Task<List<string>> RolesOfAsync(DataConnection db, Guid userId, CancellationToken ct)
    {
        var roleIds = (await db.SelectAsync<BaaSUserRole>(r => r.UserId == userId, ct).ConfigureAwait(false)).Select(r => r.RoleId).ToList();
        if (roleIds.Count == 0) return [];
        var roles = await db.SelectAsync<BaaSRole>(r => roleIds.Contains(r.Id), ct).ConfigureAwait(false);
        return [.. roles.Select(r => r.Name).Order(StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    public async Task<bool> IsInRoleAsync(BaaSUser user, string normalizedRoleName, CancellationToken cancellationToken)
    {
        var db = await DbAsync(cancellationToken).ConfigureAwait(false);
        var role = await db.SingleAsync<BaaSRole>(r => r.NormalizedName == normalizedRoleName, cancellationToken).ConfigureAwait(false);
        if (role is null) return false;
        var userId = user.Id;
        var roleId = role.Id;
        return await db.ExistsAsync<BaaSUserRole>(r => r.UserId == userId && r.RoleId == roleId, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IList<BaaSUser>> GetUsersInRoleAsync(string normalizedRoleName, CancellationToken cancellationToken)
    {
        var db = await DbAsync(cancellationToken).ConfigureAwait(false);
        var role = await db.SingleAsync<BaaSRole>(r => r.NormalizedName == normalizedRoleName, cancellationToken).ConfigureAwait(false);
        if (role is null) return [];
        var roleId = role.Id;
        var userIds = (await db.SelectAsync<BaaSUserRole>(r => r.RoleId == roleId, cancellationToken).ConfigureAwait(false)).Select(r => r.UserId).ToList();
        return userIds.Count == 0 ? [] : await db.SelectAsync<BaaSUser>(u => userIds.Contains(u.Id), cancellationToken).ConfigureAwait(false);
    }

    private async Task<BaaSRole> FindOrCreateRoleAsync(DataConnection db, string normalizedRoleName, CancellationToken ct)
    {
        var role = await db.SingleAsync<BaaSRole>(r => r.NormalizedName == normalizedRoleName, ct).ConfigureAwait(false);
        if (role is not null) return role;
        // The store only sees the normalized name: the configured role list gives its spelling back.
        var name = options.Value.Roles.FirstOrDefault(r => r.ToUpperInvariant() == normalizedRoleName) ?? normalizedRoleName;
        role = new BaaSRole { Id = Guid.CreateVersion7(), Name = name, NormalizedName = normalizedRoleName, ConcurrencyStamp = Guid.NewGuid().ToString() };
        try
        {
            await db.InsertAsync(role, ct).ConfigureAwait(false);
            return role;
        }
        catch (UniqueConstraintException)
        {
            return await db.SingleAsync<BaaSRole>(r => r.NormalizedName == normalizedRoleName, ct).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Role {normalizedRoleName} was created and removed at the same time.");
        }
    }
}
