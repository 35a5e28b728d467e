namespace BaaS.Auth.Tokens;

/// <summary>
/// One user's entry in the access-token deny list, kept in the cache under <c>auth:deny:{userId}</c> (after the app's key
/// prefix), so checking a token costs one cache read. Times are Unix milliseconds. Every entry is dropped once no token
/// it refuses can still be alive; the cache entry itself lives as long as the newest of them.
/// </summary>
/// <remarks><c>{"sessions":{"0192f1c47e8c7b3a9d2e4f6a8b0c1d2e":1796112930000},"cutoffs":[{"before":1796112030123,"until":1796112930123}]}</c></remarks>
internal sealed class DeniedTokens
{
    /// <summary>Ended sessions (their <c>sid</c>), each with when its last token is dead and the entry can go.</summary>
    public Dictionary<string, long> Sessions { get; set; } = new(StringComparer.Ordinal);

    /// <summary>User-wide cut-offs: tokens issued before each are refused (except one session's, when it names one).</summary>
    public List<TokenCutoff> Cutoffs { get; set; } = [];

    /// <summary>Whether a token of this user is refused.</summary>
    public bool Refuses(AccessTokenSubject token)
    {
        if (token.SessionId is { } sid && Sessions.ContainsKey(sid)) return true;
        foreach (var cutoff in Cutoffs)
        {
            if (token.IssuedAtMs < cutoff.Before && (cutoff.ExceptSession is null || cutoff.ExceptSession != token.SessionId)) return true;
        }
        return false;
    }

    /// <summary>A copy of <paramref name="current"/> (or a new entry) that also refuses <paramref name="sessionIds"/>, without what has lapsed.</summary>
    public static DeniedTokens WithSessions(DeniedTokens? current, IEnumerable<string> sessionIds, long now, long until)
    {
        var next = Live(current, now);
        foreach (var sid in sessionIds) next.Sessions[sid] = Math.Max(until, next.Sessions.GetValueOrDefault(sid));
        return next;
    }

    /// <summary>
    /// A copy of <paramref name="current"/> (or a new entry) that also refuses the tokens issued before
    /// <paramref name="before"/>, except <paramref name="exceptSession"/>'s, without what has lapsed. Earlier cut-offs the
    /// new one covers are dropped, so a user's entry stays small however often it is cut.
    /// </summary>
    public static DeniedTokens WithCutoff(DeniedTokens? current, long before, string? exceptSession, long now, long until)
    {
        var next = Live(current, now);
        // A cut-off at or after this one, for every session or sparing the same one, already refuses all this one would.
        if (next.Cutoffs.Any(c => c.Before >= before && (c.ExceptSession is null || c.ExceptSession == exceptSession))) return next;
        next.Cutoffs.RemoveAll(c => c.Before <= before && (exceptSession is null || c.ExceptSession == exceptSession));
        next.Cutoffs.Add(new TokenCutoff { Before = before, ExceptSession = exceptSession, Until = until });
        return next;
    }

    private static DeniedTokens Live(DeniedTokens? current, long now)
    {
        var next = new DeniedTokens();
        if (current is null) return next;
        foreach (var (sid, until) in current.Sessions)
        {
            if (until > now) next.Sessions[sid] = until;
        }
        next.Cutoffs.AddRange(current.Cutoffs.Where(c => c.Until > now));
        return next;
    }
}

/// <summary>A user-wide cut-off in <see cref="DeniedTokens"/>.</summary>
internal sealed class TokenCutoff
{
    /// <summary>Tokens issued before this (Unix milliseconds) are refused.</summary>
    public long Before { get; set; }

    /// <summary>A session whose tokens the cut-off spares (the caller's own, when a password change keeps it), or null.</summary>
    public string? ExceptSession { get; set; }

    /// <summary>When the last token the cut-off refuses is dead and the cut-off can go (Unix milliseconds).</summary>
    public long Until { get; set; }
}
