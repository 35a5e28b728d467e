using BaaS.Data;
using Microsoft.AspNetCore.Identity;

namespace BaaS.Auth;

/// <summary>ASP.NET Core Identity's role store on BaaS.Data (<c>baas_role</c>), for <c>RoleManager</c>.</summary>
public sealed class BaaSRoleStore(IDbConnectionFactory dbFactory, IdentityErrorDescriber? describer = null) : IRoleStore<BaaSRole>
{
    private readonly IdentityErrorDescriber _errors = describer ?? new IdentityErrorDescriber();
    private DataConnection? _db;

    private async ValueTask<DataConnection> DbAsync(CancellationToken ct) => _db ??= await dbFactory.OpenAsync(ct).ConfigureAwait(false);

    /// <inheritdoc />
    public async Task<IdentityResult> CreateAsync(BaaSRole role, CancellationToken cancellationToken)
    {
        var db = await DbAsync(cancellationToken).ConfigureAwait(false);
        if (role.Id == Guid.Empty) role.Id = Guid.CreateVersion7();
        if (string.IsNullOrEmpty(role.ConcurrencyStamp)) role.ConcurrencyStamp = Guid.NewGuid().ToString();
        try
        {
            await db.InsertAsync(role, cancellationToken).ConfigureAwait(false);
            return IdentityResult.Success;
        }
        catch (UniqueConstraintException)
        {
            return IdentityResult.Failed(_errors.DuplicateRoleName(role.Name));
        }
    }

    /// <inheritdoc />
    public async Task<IdentityResult> UpdateAsync(BaaSRole role, CancellationToken cancellationToken)
    {
        var db = await DbAsync(cancellationToken).ConfigureAwait(false);
        var (id, expected) = (role.Id, role.ConcurrencyStamp);
        role.ConcurrencyStamp = Guid.NewGuid().ToString();
        try
        {
            if (await db.UpdateAsync(role, r => r.Id == id && r.ConcurrencyStamp == expected, cancellationToken).ConfigureAwait(false) == 1)
                return IdentityResult.Success;
        }
        catch (UniqueConstraintException)
        {
            role.ConcurrencyStamp = expected;
            return IdentityResult.Failed(_errors.DuplicateRoleName(role.Name));
        }
        role.ConcurrencyStamp = expected;
        return IdentityResult.Failed(_errors.ConcurrencyFailure());
    }

    /// <inheritdoc />
    public async Task<IdentityResult> DeleteAsync(BaaSRole role, CancellationToken cancellationToken)
    {
        var db = await DbAsync(cancellationToken).ConfigureAwait(false);
        var id = role.Id;
        await db.DeleteAsync<BaaSRole>(r => r.Id == id, cancellationToken).ConfigureAwait(false);
        return IdentityResult.Success;
    }

    /// <inheritdoc />
    public Task<string> GetRoleIdAsync(BaaSRole role, CancellationToken cancellationToken) => Task.FromResult(role.Id.ToString());

    /// <inheritdoc />
    public Task<string?> GetRoleNameAsync(BaaSRole role, CancellationToken cancellationToken) => Task.FromResult<string?>(role.Name);

    /// <inheritdoc />
    public Task SetRoleNameAsync(BaaSRole role, string? roleName, CancellationToken cancellationToken)
    {
        role.Name = roleName ?? "";
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<string?> GetNormalizedRoleNameAsync(BaaSRole role, CancellationToken cancellationToken) => Task.FromResult<string?>(role.NormalizedName);

    /// <inheritdoc />
    public Task SetNormalizedRoleNameAsync(BaaSRole role, string? normalizedName, CancellationToken cancellationToken)
    {
        role.NormalizedName = normalizedName ?? "";
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task<BaaSRole?> FindByIdAsync(string roleId, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(roleId, out var id)) return null;
        var db = await DbAsync(cancellationToken).ConfigureAwait(false);
        return await db.SingleByIdAsync<BaaSRole>(id, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<BaaSRole?> FindByNameAsync(string normalizedRoleName, CancellationToken cancellationToken)
    {
        var db = await DbAsync(cancellationToken).ConfigureAwait(false);
        return await db.SingleAsync<BaaSRole>(r => r.NormalizedName == normalizedRoleName, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _db?.Dispose();
        _db = null;
    }
}
