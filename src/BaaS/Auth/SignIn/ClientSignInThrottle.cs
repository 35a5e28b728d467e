using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace BaaS.Auth.SignIn;

/// <summary>
/// The first tier of the lockout policy: failed sign-ins counted per client address and login name (as typed, case
/// folded), whether or not an account has that name, so an unknown name is throttled exactly like a real one and the
/// answer tells nothing about which exist. After <see cref="AuthLockoutOptions.MaxFailedAttemptsPerClient"/> failures
/// in a window of <see cref="AuthLockoutOptions.Duration"/>, that client is refused for that name until the window ends;
/// other clients are not. The account-wide lock (the database's counter) is the second tier, at a higher count, so one
/// address can neither guess on nor lock out someone else's account.
/// Counts live in this node's memory, bounded by <see cref="Capacity"/> entries; with several nodes each counts its own
/// (the account-wide tier is shared through the database).
/// </summary>
internal sealed class ClientSignInThrottle(IOptions<AuthOptions> options, TimeProvider clock)
{
    /// <summary>The most (client, name) pairs kept; past it, expired ones are swept and new pairs are not counted.</summary>
    internal const int Capacity = 100_000;

    private readonly ConcurrentDictionary<(string Client, string Name), Window> _windows = new();

    private AuthLockoutOptions Policy => options.Value.Lockout;

    private bool Active => Policy.Enabled && Policy.MaxFailedAttemptsPerClient > 0;

    /// <summary>Whether this client has used up its failures for this name in the current window.</summary>
    public bool IsThrottled(string? client, string name)
    {
        if (!Active || client is null) return false;
        return _windows.TryGetValue(Key(client, name), out var window) && window.Ends > clock.GetUtcNow()
            && Volatile.Read(ref window.Failures) >= Policy.MaxFailedAttemptsPerClient;
    }

    /// <summary>Counts a failure of this client for this name.</summary>
    public void RecordFailure(string? client, string name)
    {
        if (!Active || client is null) return;
        var now = clock.GetUtcNow();
        if (_windows.Count >= Capacity) Sweep(now);
        if (_windows.Count >= Capacity) return;
        var window = _windows.AddOrUpdate(Key(client, name),
            _ => new Window(now + Policy.Duration),
            (_, current) => current.Ends > now ? current : new Window(now + Policy.Duration));
        Interlocked.Increment(ref window.Failures);
    }

    /// <summary>A successful sign-in of this client for this name starts it afresh.</summary>
    public void Clear(string? client, string name)
    {
        if (client is not null) _windows.TryRemove(Key(client, name), out _);
    }

    /// <summary>An administrator's unlock: every client's count for these names (the user name and email) ends.</summary>
    public void ClearNames(params string?[] names)
    {
        var folded = names.Where(n => !string.IsNullOrEmpty(n)).Select(n => Fold(n!)).ToHashSet(StringComparer.Ordinal);
        if (folded.Count == 0) return;
        foreach (var key in _windows.Keys)
            if (folded.Contains(key.Name)) _windows.TryRemove(key, out _);
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, window) in _windows)
            if (window.Ends <= now) _windows.TryRemove(key, out _);
    }

    private static (string, string) Key(string client, string name) => (client, Fold(name));

    private static string Fold(string name) => name.Trim().ToUpperInvariant();

    private sealed class Window(DateTimeOffset ends)
    {
        public readonly DateTimeOffset Ends = ends;
        public int Failures;
    }
}
