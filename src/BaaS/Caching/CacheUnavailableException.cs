namespace BaaS;

/// <summary>
/// The cache's store cannot be reached. <see cref="ICache.AddAsync{T}"/> and <see cref="ICache.IncrementAsync"/> throw
/// it so their callers decide: a rate limit may let the call through (fail open) or refuse it (fail closed); a
/// single-use code should refuse. Left uncaught, it answers 503 <c>CacheUnavailable</c> with <c>Retry-After</c>.
/// A store (<see cref="ICacheStore"/>) throws it for every operation; the cache turns it into misses for the others.
/// </summary>
public sealed class CacheUnavailableException : Exception, IHasStatusCode, IHasErrorCode, IHasRetryAfter, IResponseStatusConvertible
{
    /// <summary>What a client is told (the cause, with hosts and ports, goes to the log).</summary>
    public const string ClientMessage = "The service cannot reach its cache for now. Try again in a few seconds.";

    /// <summary>Creates the exception; <paramref name="message"/> is for the log, not the client.</summary>
    public CacheUnavailableException(string message, Exception? innerException = null) : base(message, innerException)
    {
    }

    /// <summary>The <c>Retry-After</c> a client gets when this answers a request: 5 seconds.</summary>
    public static TimeSpan DefaultRetryAfter => TimeSpan.FromSeconds(5);

    /// <summary><see cref="DefaultRetryAfter"/> (a socket error inside is never taken for a database outage).</summary>
    public TimeSpan? RetryAfter => DefaultRetryAfter;

    /// <summary>503.</summary>
    public int StatusCode => 503;

    /// <summary><c>CacheUnavailable</c>.</summary>
    public string ErrorCode => "CacheUnavailable";

    /// <summary>The client's status: the error code and <see cref="ClientMessage"/>, never the store's address.</summary>
    public ResponseStatus ToResponseStatus() => new(ErrorCode, ClientMessage) { Errors = [] };
}
