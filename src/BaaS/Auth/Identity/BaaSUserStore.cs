using BaaS.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace BaaS.Auth;

/// <summary>
/// ASP.NET Core Identity's user store on BaaS.Data: users in <c>baas_user</c>, roles, claims (permissions), external
/// logins and Identity tokens in their tables. One instance per request scope, on one connection opened on first use.
/// Setters change the user object; <see cref="UpdateAsync"/> writes it, refusing a stale copy (concurrency stamp).
/// </summary>
public sealed partial class BaaSUserStore(IDbConnectionFactory dbFactory, TimeProvider clock, IOptions<AuthOptions> options, IdentityErrorDescriber? describer = null) :
    IUserPasswordStore<BaaSUser>, IUserEmailStore<BaaSUser>, IUserSecurityStampStore<BaaSUser>, IUserLockoutStore<BaaSUser>,
    IUserRoleStore<BaaSUser>, IUserClaimStore<BaaSUser>, IUserLoginStore<BaaSUser>, IUserAuthenticationTokenStore<BaaSUser>,
    IUserPhoneNumberStore<BaaSUser>
{
    private readonly IdentityErrorDescriber _errors = describer ?? new IdentityErrorDescriber();
    private DataConnection? _db;
    private bool _disposed;

    private async ValueTask<DataConnection> DbAsync(CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _db ??= await dbFactory.OpenAsync(ct).ConfigureAwait(false);
    }

    private DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    /// <inheritdoc />
    public Task<string> GetUserIdAsync(BaaSUser user, CancellationToken cancellationToken) => Task.FromResult(user.Id.ToString());

    /// <inheritdoc />
    public Task<string?> GetUserNameAsync(BaaSUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.UserName);

    /// <inheritdoc />
    public Task SetUserNameAsync(BaaSUser user, string? userName, CancellationToken cancellationToken)
    {
        user.UserName = userName ?? "";
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<string?> GetNormalizedUserNameAsync(BaaSUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.NormalizedUserName);

    /// <inheritdoc />
    public Task SetNormalizedUserNameAsync(BaaSUser user, string? normalizedName, CancellationToken cancellationToken)
    {
        user.NormalizedUserName = normalizedName ?? "";
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task<IdentityResult> CreateAsync(BaaSUser user, CancellationToken cancellationToken)
    {
        var db = await DbAsync(cancellationToken).ConfigureAwait(false);
        if (user.Id == Guid.Empty) user.Id = Guid.CreateVersion7();
        if (user.CreatedAt == default) user.CreatedAt = UtcNow;
        if (string.IsNullOrEmpty(user.ConcurrencyStamp)) user.ConcurrencyStamp = Guid.NewGuid().ToString();
        try
        {
            await db.InsertAsync(user, cancellationToken).ConfigureAwait(false);
        }
        catch (UniqueConstraintException e)
        {
            return IdentityResult.Failed(DuplicateError(e, user));
        }
        return IdentityResult.Success;
    }

    /// <inheritdoc />
    public async Task<IdentityResult> UpdateAsync(BaaSUser user, CancellationToken cancellationToken)
    {
        var db = await DbAsync(cancellationToken).ConfigureAwait(false);
        var expected = user.ConcurrencyStamp;
        var id = user.Id;
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        user.ModifiedAt = UtcNow;
        int updated;
        try
        {
            updated = await db.UpdateAsync(user, u => u.Id == id && u.ConcurrencyStamp == expected, cancellationToken).ConfigureAwait(false);
        }
        catch (UniqueConstraintException e)
        {
            user.ConcurrencyStamp = expected;
            return IdentityResult.Failed(DuplicateError(e, user));
        }
        if (updated == 0)
        {
            user.ConcurrencyStamp = expected;
            return IdentityResult.Failed(_errors.ConcurrencyFailure());
        }
        return IdentityResult.Success;
    }

    /// <inheritdoc />
    public async Task<IdentityResult> DeleteAsync(BaaSUser user, CancellationToken cancellationToken)
    {
        var db = await DbAsync(cancellationToken).ConfigureAwait(false);
        var id = user.Id;
        var stamp = user.ConcurrencyStamp;
        // Roles, claims, logins, tokens, refresh tokens and API keys go with the user (ON DELETE CASCADE).
        var deleted = await db.DeleteAsync<BaaSUser>(u => u.Id == id && u.ConcurrencyStamp == stamp, cancellationToken).ConfigureAwait(false);
        return deleted == 1 ? IdentityResult.Success : IdentityResult.Failed(_errors.ConcurrencyFailure());
    }

    /// <inheritdoc />
    public async Task<BaaSUser?> FindByIdAsync(string userId, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(userId, out var id)) return null;
        var db = await DbAsync(cancellationToken).ConfigureAwait(false);
        return await db.SingleByIdAsync<BaaSUser>(id, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<BaaSUser?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken)
    {
        var db = await DbAsync(cancellationToken).ConfigureAwait(false);
        return await db.SingleAsync<BaaSUser>(u => u.NormalizedUserName == normalizedUserName, cancellationToken).ConfigureAwait(false);
    }

    private IdentityError DuplicateError(UniqueConstraintException e, BaaSUser user) =>
        e.FieldNames.Contains(nameof(BaaSUser.NormalizedEmail))
            ? _errors.DuplicateEmail(user.Email ?? "")
            : _errors.DuplicateUserName(user.UserName);

    /// <inheritdoc />
    public void Dispose()
    {
        _disposed = true;
        _db?.Dispose();
        _db = null;
    }
}
