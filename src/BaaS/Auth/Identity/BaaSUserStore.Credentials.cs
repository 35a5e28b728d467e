using BaaS.Data;
using Microsoft.AspNetCore.Identity;

namespace BaaS.Auth;

public sealed partial class BaaSUserStore
{
    /// <inheritdoc />
    public Task SetPasswordHashAsync(BaaSUser user, string? passwordHash, CancellationToken cancellationToken)
    {
        user.PasswordHash = passwordHash;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<string?> GetPasswordHashAsync(BaaSUser user, CancellationToken cancellationToken) => Task.FromResult(user.PasswordHash);

    /// <inheritdoc />
    public Task<bool> HasPasswordAsync(BaaSUser user, CancellationToken cancellationToken) => Task.FromResult(user.PasswordHash is not null);

    /// <inheritdoc />
    public Task SetEmailAsync(BaaSUser user, string? email, CancellationToken cancellationToken)
    {
        user.Email = email;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<string?> GetEmailAsync(BaaSUser user, CancellationToken cancellationToken) => Task.FromResult(user.Email);

    /// <inheritdoc />
    public Task<bool> GetEmailConfirmedAsync(BaaSUser user, CancellationToken cancellationToken) => Task.FromResult(user.EmailConfirmed);

    /// <inheritdoc />
    public Task SetEmailConfirmedAsync(BaaSUser user, bool confirmed, CancellationToken cancellationToken)
    {
        user.EmailConfirmed = confirmed;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task<BaaSUser?> FindByEmailAsync(string normalizedEmail, CancellationToken cancellationToken)
    {
        var db = await DbAsync(cancellationToken).ConfigureAwait(false);
        return await db.SingleAsync<BaaSUser>(u => u.NormalizedEmail == normalizedEmail, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<string?> GetNormalizedEmailAsync(BaaSUser user, CancellationToken cancellationToken) => Task.FromResult(user.NormalizedEmail);

    /// <inheritdoc />
    public Task SetNormalizedEmailAsync(BaaSUser user, string? normalizedEmail, CancellationToken cancellationToken)
    {
        user.NormalizedEmail = normalizedEmail;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task SetPhoneNumberAsync(BaaSUser user, string? phoneNumber, CancellationToken cancellationToken)
    {
        user.PhoneNumber = phoneNumber;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<string?> GetPhoneNumberAsync(BaaSUser user, CancellationToken cancellationToken) => Task.FromResult(user.PhoneNumber);

    /// <inheritdoc />
    public Task<bool> GetPhoneNumberConfirmedAsync(BaaSUser user, CancellationToken cancellationToken) => Task.FromResult(false);

    /// <inheritdoc />
    public Task SetPhoneNumberConfirmedAsync(BaaSUser user, bool confirmed, CancellationToken cancellationToken) =>
        confirmed ? throw new NotSupportedException("Phone numbers cannot be confirmed yet.") : Task.CompletedTask;

    /// <inheritdoc />
    public Task SetSecurityStampAsync(BaaSUser user, string stamp, CancellationToken cancellationToken)
    {
        user.SecurityStamp = stamp;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<string?> GetSecurityStampAsync(BaaSUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.SecurityStamp);

    /// <inheritdoc />
    public Task<DateTimeOffset?> GetLockoutEndDateAsync(BaaSUser user, CancellationToken cancellationToken) => Task.FromResult(user.LockoutEnd);

    /// <inheritdoc />
    public Task SetLockoutEndDateAsync(BaaSUser user, DateTimeOffset? lockoutEnd, CancellationToken cancellationToken)
    {
        user.LockoutEnd = lockoutEnd;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<int> IncrementAccessFailedCountAsync(BaaSUser user, CancellationToken cancellationToken) =>
        Task.FromResult(++user.AccessFailedCount);

    /// <inheritdoc />
    public Task ResetAccessFailedCountAsync(BaaSUser user, CancellationToken cancellationToken)
    {
        user.AccessFailedCount = 0;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<int> GetAccessFailedCountAsync(BaaSUser user, CancellationToken cancellationToken) => Task.FromResult(user.AccessFailedCount);

    /// <inheritdoc />
    public Task<bool> GetLockoutEnabledAsync(BaaSUser user, CancellationToken cancellationToken) => Task.FromResult(user.LockoutEnabled);

    /// <inheritdoc />
    public Task SetLockoutEnabledAsync(BaaSUser user, bool enabled, CancellationToken cancellationToken)
    {
        user.LockoutEnabled = enabled;
        return Task.CompletedTask;
    }
}
