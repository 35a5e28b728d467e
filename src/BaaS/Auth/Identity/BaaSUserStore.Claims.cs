using System.Security.Claims;
using BaaS.Data;
using Microsoft.AspNetCore.Identity;

namespace BaaS.Auth;

public sealed partial class BaaSUserStore
{
    /// <inheritdoc />
    public async Task<IList<Claim>> GetClaimsAsync(BaaSUser user, CancellationToken cancellationToken)
    {
        var db = await DbAsync(cancellationToken).ConfigureAwait(false);
        var userId = user.Id;
        var rows = await db.SelectAsync<BaaSUserClaim>(c => c.UserId == userId, cancellationToken).ConfigureAwait(false);
        return [.. rows.OrderBy(c => c.Id).Select(c => new Claim(c.ClaimType, c.ClaimValue))];
    }

    /// <inheritdoc />
    public async Task AddClaimsAsync(BaaSUser user, IEnumerable<Claim> claims, CancellationToken cancellationToken)
    {
        var db = await DbAsync(cancellationToken).ConfigureAwait(false);
        foreach (var claim in claims)
            await db.InsertAsync(new BaaSUserClaim { UserId = user.Id, ClaimType = claim.Type, ClaimValue = claim.Value }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task ReplaceClaimAsync(BaaSUser user, Claim claim, Claim newClaim, CancellationToken cancellationToken)
    {
        var db = await DbAsync(cancellationToken).ConfigureAwait(false);
        var userId = user.Id;
        var (type, value) = (claim.Type, claim.Value);
        var (newType, newValue) = (newClaim.Type, newClaim.Value);
        await db.UpdateOnlyAsync(() => new BaaSUserClaim { ClaimType = newType, ClaimValue = newValue },
            c => c.UserId == userId && c.ClaimType == type && c.ClaimValue == value, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task RemoveClaimsAsync(BaaSUser user, IEnumerable<Claim> claims, CancellationToken cancellationToken)
    {
        var db = await DbAsync(cancellationToken).ConfigureAwait(false);
        var userId = user.Id;
        foreach (var claim in claims)
        {
            var (type, value) = (claim.Type, claim.Value);
            await db.DeleteAsync<BaaSUserClaim>(c => c.UserId == userId && c.ClaimType == type && c.ClaimValue == value, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<IList<BaaSUser>> GetUsersForClaimAsync(Claim claim, CancellationToken cancellationToken)
    {
        var db = await DbAsync(cancellationToken).ConfigureAwait(false);
        var (type, value) = (claim.Type, claim.Value);
        var userIds = (await db.SelectAsync<BaaSUserClaim>(c => c.ClaimType == type && c.ClaimValue == value, cancellationToken).ConfigureAwait(false))
            .Select(c => c.UserId).Distinct().ToList();
        return userIds.Count == 0 ? [] : await db.SelectAsync<BaaSUser>(u => userIds.Contains(u.Id), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task AddLoginAsync(BaaSUser user, UserLoginInfo login, CancellationToken cancellationToken)
    {
        var db = await DbAsync(cancellationToken).ConfigureAwait(false);
        await db.InsertAsync(new BaaSUserLogin
        {
            UserId = user.Id,
            LoginProvider = login.LoginProvider,
            ProviderKey = login.ProviderKey,
            ProviderDisplayName = login.ProviderDisplayName,
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task RemoveLoginAsync(BaaSUser user, string loginProvider, string providerKey, CancellationToken cancellationToken)
    {
        var db = await DbAsync(cancellationToken).ConfigureAwait(false);
        var userId = user.Id;
        await db.DeleteAsync<BaaSUserLogin>(l => l.UserId == userId && l.LoginProvider == loginProvider && l.ProviderKey == providerKey, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IList<UserLoginInfo>> GetLoginsAsync(BaaSUser user, CancellationToken cancellationToken)
    {
        var db = await DbAsync(cancellationToken).ConfigureAwait(false);
        var userId = user.Id;
        var rows = await db.SelectAsync<BaaSUserLogin>(l => l.UserId == userId, cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(l => new UserLoginInfo(l.LoginProvider, l.ProviderKey, l.ProviderDisplayName))];
    }

    /// <inheritdoc />
    public async Task<BaaSUser?> FindByLoginAsync(string loginProvider, string providerKey, CancellationToken cancellationToken)
    {
        var db = await DbAsync(cancellationToken).ConfigureAwait(false);
        var login = await db.SingleAsync<BaaSUserLogin>(l => l.LoginProvider == loginProvider && l.ProviderKey == providerKey, cancellationToken)
            .ConfigureAwait(false);
        return login is null ? null : await db.SingleByIdAsync<BaaSUser>(login.UserId, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task SetTokenAsync(BaaSUser user, string loginProvider, string name, string? value, CancellationToken cancellationToken)
    {
        var db = await DbAsync(cancellationToken).ConfigureAwait(false);
        var userId = user.Id;
        var updated = await db.UpdateOnlyAsync(() => new BaaSUserToken { Value = value },
            t => t.UserId == userId && t.LoginProvider == loginProvider && t.Name == name, cancellationToken).ConfigureAwait(false);
        if (updated == 0)
            await db.InsertAsync(new BaaSUserToken { UserId = userId, LoginProvider = loginProvider, Name = name, Value = value }, cancellationToken)
                .ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task RemoveTokenAsync(BaaSUser user, string loginProvider, string name, CancellationToken cancellationToken)
    {
        var db = await DbAsync(cancellationToken).ConfigureAwait(false);
        var userId = user.Id;
        await db.DeleteAsync<BaaSUserToken>(t => t.UserId == userId && t.LoginProvider == loginProvider && t.Name == name, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<string?> GetTokenAsync(BaaSUser user, string loginProvider, string name, CancellationToken cancellationToken)
    {
        var db = await DbAsync(cancellationToken).ConfigureAwait(false);
        var userId = user.Id;
        var row = await db.SingleAsync<BaaSUserToken>(t => t.UserId == userId && t.LoginProvider == loginProvider && t.Name == name, cancellationToken)
            .ConfigureAwait(false);
        return row?.Value;
    }
}
