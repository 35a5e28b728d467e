namespace BaaS.Auth;

/// <summary>What a request carrying an access token gets while the deny list cannot be read (Redis away).</summary>
public enum DenyListFailureMode
{
    /// <summary>
    /// The token is accepted as if nothing were revoked: it is still checked by signature and lifetime, it lives
    /// minutes, and its refresh still goes to the database, which refuses an ended session. The default.
    /// </summary>
    Open,

    /// <summary>
    /// The request is refused with 503 <c>CacheUnavailable</c> and <c>Retry-After</c> until the deny list answers again:
    /// for apps where a signed-out token working for a few minutes costs more than an outage.
    /// </summary>
    Closed,
}
