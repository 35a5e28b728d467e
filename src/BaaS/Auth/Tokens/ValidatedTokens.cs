using System.Collections.Concurrent;
using System.Security.Claims;

namespace BaaS.Auth.Tokens;

/// <summary>
/// Access tokens this node has already checked, kept until they expire, so a client that sends the same token with
/// every request pays for parsing and the signature check once per token instead of once per request. A signature and a
/// lifetime do not change, so a token that passed them stays good for them until its <c>exp</c>; an entry is used only
/// while the app's clock is before that (plus the allowed skew), and only for the exact same token text. Whether the
/// token was revoked since can change at any time: each entry keeps the token's <see cref="AccessTokenSubject"/> so the
/// deny list is checked on every request without reading the token again. Only tokens that passed are kept, each handed out as a <see cref="SharedClaimsIdentity"/>
/// (code may add claims to a request's identity: the first change copies the claims for that request only). Bounded: at <see cref="Capacity"/> entries expired ones are swept, and new ones are
/// not kept while it stays full.
/// </summary>
internal sealed class ValidatedTokens
{
    private readonly TimeProvider _clock;

    public ValidatedTokens(TimeProvider clock)
    {
        _clock = clock;
        _entries = new ConcurrentDictionary<string, Entry>(StringComparer.Ordinal);
        // The same entries looked up by a token's characters: made once, used on every request.
        _bySpan = _entries.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The most tokens kept.</summary>
    internal const int Capacity = 10_000;

    private readonly ConcurrentDictionary<string, Entry> _entries;
    private readonly ConcurrentDictionary<string, Entry>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

    /// <summary>
    /// The identity of <paramref name="token"/> if it passed here and is still within its lifetime. Looked up by the
    /// characters, so a caller can pass the token straight out of its header without copying it (about 1 KB a request).
    /// </summary>
    public bool TryGet(ReadOnlySpan<char> token, out ClaimsIdentity? identity, out AccessTokenSubject? subject)
    {
        identity = null;
        subject = null;
        var lookup = _bySpan;
        if (!lookup.TryGetValue(token, out var entry)) return false;
        if (_clock.GetUtcNow() >= entry.GoodUntil)
        {
            lookup.TryRemove(token, out _);
            return false;
        }
        identity = new SharedClaimsIdentity(entry.Identity);
        subject = entry.Subject;
        return true;
    }

    /// <summary>Keeps a token that passed every check, until <paramref name="goodUntil"/>.</summary>
    public void Add(string token, ClaimsIdentity identity, AccessTokenSubject subject, DateTimeOffset goodUntil)
    {
        var now = _clock.GetUtcNow();
        if (goodUntil <= now) return;
        if (_entries.Count >= Capacity)
        {
            foreach (var (key, entry) in _entries)
                if (entry.GoodUntil <= now) _entries.TryRemove(key, out _);
            if (_entries.Count >= Capacity) return;
        }
        _entries[token] = new Entry(identity.Clone(), subject, goodUntil);
    }

    private sealed record Entry(ClaimsIdentity Identity, AccessTokenSubject Subject, DateTimeOffset GoodUntil);
}
