using BaaS.Auth.Tokens;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BaaS.Auth;

/// <summary>
/// Access tokens that must stop working before they expire: those of an ended session (sign-out, a reused refresh
/// token), and those a user held before a user-wide cut-off (sign out everywhere, a lock, a deletion, a password change
/// or reset, roles or permissions taken away). Kept in the platform's cache (<see cref="ICache"/>), so on Redis a
/// revocation on one node holds on every node; each entry lives as long as the tokens it refuses could
/// (<see cref="JwtOptions.AccessTokenLifetime"/> plus <see cref="JwtOptions.ClockSkew"/>). Every request that carries an
/// access token is checked against it with one cache read of the user's entry.
/// </summary>
/// <remarks>
/// The platform's own operations write it; an app that changes a user in ways tokens must not outlive (through
/// <c>UserManager</c>, say) calls <see cref="RevokeUserAsync(Guid, CancellationToken)"/>. Writing never fails the
/// caller: when the cache cannot be reached the revocation is logged (event 2070) and the tokens work until they expire,
/// while their refresh tokens, revoked in the database, are refused. With server events on (<c>AddServerEvents</c>), a
/// revocation also ends the revoked sessions' event streams on every node (a user-wide cut-off ends all the user's
/// streams, also a spared session's, whose client reconnects and is signed in again).
/// </remarks>
public sealed class AccessTokenDenyList
{
    private const string KeyPrefix = "auth:deny:";

    private readonly ICache _cache;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _tokenLife;
    private readonly bool _failClosed;
    private readonly ILogger _logger;
    private readonly IServiceProvider? _services;

    /// <summary>Creates the deny list (a singleton, registered by <c>AddBaaSAuth</c>).</summary>
    public AccessTokenDenyList(ICache cache, IOptions<AuthOptions> auth, IOptions<DenyListOptions> options, TimeProvider clock, ILogger<AccessTokenDenyList> logger)
        : this(cache, auth, options, clock, logger, null) { }

    /// <summary>The deny list, ending revoked sessions' event streams when the app has server events.</summary>
    [ActivatorUtilitiesConstructor]
    public AccessTokenDenyList(ICache cache, IOptions<AuthOptions> auth, IOptions<DenyListOptions> options, TimeProvider clock, ILogger<AccessTokenDenyList> logger,
        IServiceProvider? services)
    {
        _services = services;
        _cache = cache;
        _clock = clock;
        _tokenLife = auth.Value.Jwt.AccessTokenLifetime + auth.Value.Jwt.ClockSkew;
        _failClosed = options.Value.FailureMode == DenyListFailureMode.Closed;
        _logger = logger;
    }

    /// <summary>
    /// Refuses, from now on and on every node, the access tokens of the sessions <paramref name="sessionIds"/> (the
    /// tokens' <c>sid</c>, the sign-in's <see cref="AuthenticateResponse.SessionId"/>) of the user. It does not revoke their
    /// refresh tokens. True when recorded; false when the cache could not be reached (logged).
    /// </summary>
    public async Task<bool> RevokeSessionsAsync(Guid userId, IEnumerable<Guid> sessionIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sessionIds);
        var sids = sessionIds.Select(s => s.ToString("N")).Distinct().ToList();
        if (sids.Count == 0) return true;
        var (now, until) = Window();
        var recorded = await WriteAsync(userId, "sessions " + string.Join(", ", sids),
            current => DeniedTokens.WithSessions(current.ValueOr(null), sids, now, until), cancellationToken).ConfigureAwait(false);
        foreach (var sid in sids) await CloseStreamsAsync(events => events.CloseSessionStreamsAsync(sid, cancellationToken)).ConfigureAwait(false);
        return recorded;
    }

    /// <summary>
    /// Refuses, from now on and on every node, every access token of the user issued before this moment; tokens issued
    /// afterwards (a new sign-in, a refresh) work. True when recorded; false when the cache could not be reached (logged).
    /// </summary>
    public Task<bool> RevokeUserAsync(Guid userId, CancellationToken cancellationToken = default) => RevokeUserAsync(userId, null, cancellationToken);

    /// <summary>As <see cref="RevokeUserAsync(Guid, CancellationToken)"/>, sparing the tokens of <paramref name="exceptSession"/> when given.</summary>
    internal async Task<bool> RevokeUserAsync(Guid userId, Guid? exceptSession, CancellationToken cancellationToken)
    {
        var (now, until) = Window();
        var except = exceptSession?.ToString("N");
        var recorded = await WriteAsync(userId, except is null ? "every token" : "every token outside session " + except,
            current => DeniedTokens.WithCutoff(current.ValueOr(null), now, except, now, until), cancellationToken).ConfigureAwait(false);
        await CloseStreamsAsync(events => events.CloseUserStreamsAsync(userId.ToString(), cancellationToken)).ConfigureAwait(false);
        return recorded;
    }

    // Ends server-event streams the revocation covers; never fails the revocation (the streams' next reconnect is refused).
    private async Task CloseStreamsAsync(Func<IServerEvents, Task> close)
    {
        if (_services?.GetService<IServerEvents>() is not { } events) return;
        try
        {
            await close(events).ConfigureAwait(false);
        }
        catch (ServerEventsUnavailableException e)
        {
            DenyListLog.StreamsNotClosed(_logger, e.Message);
        }
    }

    /// <summary>
    /// Whether an access token that passed its signature and lifetime checks is refused: one cache read. While the cache
    /// cannot be reached the answer is <see cref="DenyListVerdict.Accepted"/>, or <see cref="DenyListVerdict.Unavailable"/>
    /// when <see cref="DenyListOptions.FailureMode"/> is <see cref="DenyListFailureMode.Closed"/>.
    /// </summary>
    internal async ValueTask<DenyListVerdict> CheckAsync(AccessTokenSubject token)
    {
        // No cancellation: a request going away mid-read must not surface from authentication as an exception.
        var found = await _cache.GetAsync<DeniedTokens>(token.DenyKey).ConfigureAwait(false);
        if (found.TryGetValue(out var denied)) return denied is not null && denied.Refuses(token) ? DenyListVerdict.Revoked : DenyListVerdict.Accepted;
        return found.StoreUnavailable && _failClosed ? DenyListVerdict.Unavailable : DenyListVerdict.Accepted;
    }

    /// <summary>The cache key of a user's entry (after the app's key prefix): <c>auth:deny:{userId}</c>.</summary>
    internal static string KeyOf(string userId) => KeyPrefix + userId;

    private (long Now, long Until) Window()
    {
        var now = _clock.GetUtcNow().ToUnixTimeMilliseconds();
        return (now, now + (long)_tokenLife.TotalMilliseconds);
    }

    private async Task<bool> WriteAsync(Guid userId, string what, Func<CacheResult<DeniedTokens>, DeniedTokens> update, CancellationToken cancellationToken)
    {
        try
        {
            // An atomic read-modify-write: two revocations at once, on two nodes, both hold.
            await _cache.UpdateAsync(KeyOf(userId.ToString()), update, _tokenLife, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is CacheUnavailableException or InvalidOperationException)
        {
            DenyListLog.NotRecorded(_logger, what, userId, _tokenLife, e.Message, e);
            return false;
        }
    }
}

/// <summary>What the deny list says of a token.</summary>
internal enum DenyListVerdict
{
    /// <summary>Nothing refuses it (or the list cannot be read and fails open).</summary>
    Accepted,

    /// <summary>Its session ended, or its user was cut off after it was issued.</summary>
    Revoked,

    /// <summary>The list cannot be read and fails closed.</summary>
    Unavailable,
}
