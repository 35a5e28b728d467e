using System.Data.Common;

namespace BaaS.Data;

/// <summary>
/// The database cannot be reached for now: the server refuses or drops connections (restarting, shut down by an
/// administrator, out of connection slots), the connection pool stayed exhausted for its whole timeout, or (SQLite) the
/// file stayed locked by another writer for the whole busy timeout. Each dialect decides which driver errors these are
/// (<see cref="DialectProvider.IsUnavailable"/>). Nothing the caller sent was wrong: HTTP 503 with <c>Retry-After</c>,
/// error code <c>ServiceUnavailable</c>; the same request may succeed a few seconds later, without a restart.
/// </summary>
public sealed class DatabaseUnavailableException : DbException, IHasStatusCode, IHasErrorCode
{
    /// <summary>How long clients are asked to wait before trying again when nothing else is known: 3 seconds.</summary>
    public static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(3);

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What could not be reached, and why (no connection secrets).</param>
    /// <param name="innerException">The driver's exception.</param>
    public DatabaseUnavailableException(string message, Exception? innerException) : base(message, innerException)
    {
    }

    /// <summary>How long a client should wait before trying again.</summary>
    public TimeSpan RetryAfter { get; init; } = DefaultRetryAfter;

    /// <summary>503.</summary>
    public int StatusCode => 503;

    /// <summary><c>ServiceUnavailable</c> (hides the numeric <c>ExternalException.ErrorCode</c>).</summary>
    public new string ErrorCode => "ServiceUnavailable";

    /// <summary>Always true: the same call may work once the database is back.</summary>
    public override bool IsTransient => true;

    /// <summary>The <see cref="DatabaseUnavailableException"/> in <paramref name="exception"/> or its inner exceptions, or null.</summary>
    public static DatabaseUnavailableException? Find(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is DatabaseUnavailableException found) return found;
            if (e is AggregateException aggregate)
                return aggregate.InnerExceptions.Select(Find).FirstOrDefault(f => f is not null);
        }
        return null;
    }
}
