namespace BaaS;

/// <summary>Whose budget a call counts against, under a rate-limit policy.</summary>
public enum RateLimitPartition
{
    /// <summary>
    /// The caller: the API key it sent (a key has a budget of its own, apart from its user's), else the signed-in user,
    /// else the client's IP address. The default policy's partition.
    /// </summary>
    Caller,

    /// <summary>The signed-in user, whether it signed in or sent one of its API keys; an anonymous caller by IP address.</summary>
    User,

    /// <summary>The client's IP address (an IPv6 client by its /64 network), whoever is signed in.</summary>
    Ip,
}
