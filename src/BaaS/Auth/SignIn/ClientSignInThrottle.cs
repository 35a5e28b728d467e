using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace BaaS.Auth.SignIn;

/// <summary>
/// The first tier of the lockout policy: failed sign-ins counted per client address and login name (as typed, case
/// folded), whether or not an account has that name, so an unknown name is throttled exactly like a real one and the
/// answer tells nothing about which exist. After <see cref="AuthLockoutOptions.MaxFailedAttemptsPerClient"/> failures
/// in a window of <see cref="AuthLockoutOptions.Duration"/> (from the first failure), that client is refused for that
/// name until the window ends; other clients are not. The account-wide lock (the database's counter) is the second tier,
/// at a higher count, so one address can neither guess on nor lock out someone else's account.
/// </summary>
/// <remarks>
/// The counts live in the platform's cache (<see cref="ICache"/>), so on Redis every node adds to the same count: one
/// budget of failures per client and name, however many nodes the guesser spreads over. Key:
/// <c>signin-failures:{hash of the folded name}:{client}</c>, the name hashed so that the cache holds no login names and
/// an administrator's unlock removes every client's count of a name by prefix. When the cache cannot be reached the tier
/// counts nothing and refuses no one (the sign-in rate limit, which fails closed, then refuses sign-ins anyway; the
/// account tier is in the database).
/// </remarks>
internal sealed class ClientSignInThrottle(ICache cache, IOptions<AuthOptions> options)
{
    private const string KeyPrefix = "signin-failures:";

    private AuthLockoutOptions Policy => options.Value.Lockout;

    private bool Active => Policy.Enabled && Policy.MaxFailedAttemptsPerClient > 0;

    /// <summary>Whether this client has used up its failures for this name in the current window.</summary>
    public async ValueTask<bool> IsThrottledAsync(string? client, string name, CancellationToken cancellationToken)
    {
        if (!Active || client is null) return false;
        var failures = await cache.GetAsync<long>(Key(client, name), cancellationToken).ConfigureAwait(false);
        return failures.HasValue && failures.Value >= Policy.MaxFailedAttemptsPerClient;
    }

    /// <summary>Counts a failure of this client for this name.</summary>
    public async ValueTask RecordFailureAsync(string? client, string name, CancellationToken cancellationToken)
    {
        if (!Active || client is null) return;
        try
        {
            await cache.IncrementAsync(Key(client, name), 1, Policy.Duration, cancellationToken).ConfigureAwait(false);
        }
        catch (CacheUnavailableException)
        {
            // Logged and counted by the cache; the account tier (in the database) still counts this failure.
        }
    }

    /// <summary>A successful sign-in of this client for this name starts it afresh.</summary>
    public async ValueTask ClearAsync(string? client, string name, CancellationToken cancellationToken)
    {
        if (client is not null) await cache.RemoveAsync(Key(client, name), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>An administrator's unlock: every client's count for these names (the user name and email) ends.</summary>
    public async ValueTask ClearNamesAsync(IEnumerable<string?> names, CancellationToken cancellationToken)
    {
        foreach (var name in names.Where(n => !string.IsNullOrEmpty(n)).Select(n => NameKey(n!)).Distinct(StringComparer.Ordinal))
            await cache.RemoveByPrefixAsync(KeyPrefix + name + ":", cancellationToken).ConfigureAwait(false);
    }

    private static string Key(string client, string name) => KeyPrefix + NameKey(name) + ":" + client;

    // Fixed length and free of ':' so that a name's prefix never matches another name's keys.
    private static string NameKey(string name) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(name.Trim().ToUpperInvariant())), 0, 16);
}
