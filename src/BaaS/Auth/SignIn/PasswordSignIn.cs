using BaaS.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BaaS.Auth.SignIn;

/// <summary>
/// Checks a user name (or email) and password with Identity's <see cref="UserManager{TUser}"/> and password hasher,
/// under a two-tier lockout policy (<see cref="AuthLockoutOptions"/>): a client that fails too often on one login name
/// is refused for that name for a while (<see cref="ClientSignInThrottle"/>, unknown names alike, counted in the cache across nodes), and an account that
/// fails <see cref="AuthLockoutOptions.MaxFailedAttempts"/> times in a row, from any clients, is locked. The account
/// counter is kept in the database atomically, so attempts made in parallel all count:
/// <c>UPDATE baas_user SET access_failed_count = access_failed_count + 1 ...</c>, then, at the limit,
/// <c>UPDATE baas_user SET lockout_end = @end, access_failed_count = 0 ... WHERE id = @id AND access_failed_count &gt;= @max</c>.
/// Each such write changes the concurrency stamp, so a copy of the user read earlier cannot write the old values back.
/// Every path verifies one password hash (an unknown user against <see cref="DummyPasswordHash"/>), so the time taken
/// tells nothing; a wrong password always answers <see cref="PasswordSignInStatus.Failed"/>, also the one that locks.
/// </summary>
internal sealed class PasswordSignIn(
    UserManager<BaaSUser> users, IPasswordHasher<BaaSUser> hasher, DummyPasswordHash dummyHash, ClientSignInThrottle throttle,
    IDbConnectionFactory dbFactory, TimeProvider clock, IOptions<AuthOptions> options, ILogger<PasswordSignIn> logger)
{
    /// <param name="userNameOrEmail">The login name as given.</param>
    /// <param name="password">The password as given.</param>
    /// <param name="client">The caller's address (the first tier counts per address); null counts nothing.</param>
    /// <param name="ct">Cancels the database work.</param>
    public async Task<(PasswordSignInStatus Status, BaaSUser? User)> CheckAsync(string userNameOrEmail, string password, string? client, CancellationToken ct)
    {
        var user = await users.FindByNameAsync(userNameOrEmail).ConfigureAwait(false);
        if (user is null && userNameOrEmail.Contains('@', StringComparison.Ordinal))
            user = await users.FindByEmailAsync(userNameOrEmail).ConfigureAwait(false);
        var throttled = await throttle.IsThrottledAsync(client, userNameOrEmail, ct).ConfigureAwait(false);
        if (user is null)
        {
            hasher.VerifyHashedPassword(new BaaSUser(), dummyHash.Value, password);
            if (throttled) return (PasswordSignInStatus.LockedOut, null);
            await throttle.RecordFailureAsync(client, userNameOrEmail, ct).ConfigureAwait(false);
            return (PasswordSignInStatus.Failed, null);
        }

        var lockout = options.Value.Lockout;
        var now = clock.GetUtcNow();
        var lockable = lockout.Enabled && user.LockoutEnabled;
        var locked = lockable && (throttled || user.LockoutEnd is { } end && end > now);
        // Verified even when locked: the answer then does not depend on the password (a locked account must not tell a
        // guesser which password is right), and takes the same time as any other.
        var correct = await users.CheckPasswordAsync(user, password).ConfigureAwait(false);
        if (locked) return (PasswordSignInStatus.LockedOut, user);
        if (!correct)
        {
            if (lockable)
            {
                await throttle.RecordFailureAsync(client, userNameOrEmail, ct).ConfigureAwait(false);
                await RecordFailureAsync(user.Id, lockout, ct).ConfigureAwait(false);
            }
            return (PasswordSignInStatus.Failed, user);
        }

        await throttle.ClearAsync(client, userNameOrEmail, ct).ConfigureAwait(false);
        if (options.Value.RequireConfirmedEmail && !user.EmailConfirmed) return (PasswordSignInStatus.EmailNotConfirmed, user);
        if (user.AccessFailedCount > 0 || user.LockoutEnd is not null)
        {
            await using var db = await dbFactory.OpenAsync(ct).ConfigureAwait(false);
            var (id, stamp) = (user.Id, Guid.NewGuid().ToString());
            await db.UpdateOnlyAsync(() => new BaaSUser { AccessFailedCount = 0, LockoutEnd = null, ConcurrencyStamp = stamp }, u => u.Id == id, ct)
                .ConfigureAwait(false);
        }
        return (PasswordSignInStatus.Succeeded, user);
    }

    /// <summary>Counts a failed sign-in; true when it locked the account.</summary>
    private async Task<bool> RecordFailureAsync(Guid id, AuthLockoutOptions lockout, CancellationToken ct)
    {
        await using var db = await dbFactory.OpenAsync(ct).ConfigureAwait(false);
        var stamp = Guid.NewGuid().ToString();
        await db.UpdateAddAsync(() => new BaaSUser { AccessFailedCount = 1 }, u => u.Id == id, ct).ConfigureAwait(false);
        await db.UpdateOnlyAsync(() => new BaaSUser { ConcurrencyStamp = stamp }, u => u.Id == id, ct).ConfigureAwait(false);
        var max = lockout.MaxFailedAttempts;
        var end = clock.GetUtcNow() + lockout.Duration;
        var lockStamp = Guid.NewGuid().ToString();
        var locked = await db.UpdateOnlyAsync(() => new BaaSUser { LockoutEnd = end, AccessFailedCount = 0, ConcurrencyStamp = lockStamp },
            u => u.Id == id && u.AccessFailedCount >= max, ct).ConfigureAwait(false);
        if (locked == 0) return false;
        AuthLog.AccountLocked(logger, id, max);
        return true;
    }
}

/// <summary>The outcome of a password check.</summary>
internal enum PasswordSignInStatus
{
    Succeeded,
    Failed,
    LockedOut,
    EmailNotConfirmed,
}
