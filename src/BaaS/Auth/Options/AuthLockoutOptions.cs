namespace BaaS.Auth;

/// <summary>
/// The lockout policy for password sign-ins, in two tiers. First, per client: a client address that fails
/// <see cref="MaxFailedAttemptsPerClient"/> times on one login name (existing or not) is refused for that name until
/// its window of <see cref="Duration"/> ends; other addresses are not affected. Then, per account: an account that fails
/// <see cref="MaxFailedAttempts"/> times in a row, from any addresses, is locked for everyone for <see cref="Duration"/>.
/// The first tier stops one address from guessing or from locking someone else out; the second bounds what many
/// addresses together can guess, at the price that they can lock the account.
/// </summary>
public sealed class AuthLockoutOptions
{
    /// <summary>Whether failed sign-ins throttle and lock at all. Default: true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Failed sign-ins on one login name from one client address, in one window, before that address is
    /// refused for that name. 0 turns the per-client tier off. Default: 5.</summary>
    public int MaxFailedAttemptsPerClient { get; set; } = 5;

    /// <summary>Failed sign-ins in a row, from any addresses, that lock the account for everyone. Default: 20.</summary>
    public int MaxFailedAttempts { get; set; } = 20;

    /// <summary>How long a client stays refused, and an account locked. Default: 15 minutes.</summary>
    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(15);
}
