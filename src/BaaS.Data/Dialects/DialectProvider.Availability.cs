using System.Collections.Concurrent;

namespace BaaS.Data;

public abstract partial class DialectProvider
{
    // Every dialect made in this process (a handful of singletons), so an error that escaped translation can still be classified.
    private static readonly ConcurrentQueue<DialectProvider> Instances = new();

    /// <summary>
    /// The <see cref="DatabaseUnavailableException"/> that <paramref name="exception"/> is, holds, or (when a driver's error
    /// reached the caller untranslated, e.g. from raw ADO.NET on <see cref="DataConnection.Inner"/>) that any dialect
    /// in the process makes of it; null when the database was reachable and the failure is something else.
    /// </summary>
    public static DatabaseUnavailableException? FindUnavailable(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (DatabaseUnavailableException.Find(exception) is { } found) return found;
        foreach (var dialect in Instances)
            if (dialect.IsUnavailable(exception))
                return dialect.AsUnavailable(exception);
        return null;
    }

    /// <summary>
    /// Whether <paramref name="exception"/> (a driver's exception, or one wrapping it) says the database cannot be reached
    /// for now rather than that the statement was wrong: refused or dropped connections, a server shutting down or not
    /// yet accepting connections, an exhausted pool, a file locked past the busy timeout. Such failures become a
    /// <see cref="DatabaseUnavailableException"/> (HTTP 503 with <c>Retry-After</c>). Default: never.
    /// </summary>
    public virtual bool IsUnavailable(Exception exception) => false;

    /// <summary>
    /// <paramref name="exception"/> as a <see cref="DatabaseUnavailableException"/> when <see cref="IsUnavailable"/> says
    /// it is one (or already is one), else null.
    /// </summary>
    public DatabaseUnavailableException? AsUnavailable(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (DatabaseUnavailableException.Find(exception) is { } already) return already;
        if (!IsUnavailable(exception)) return null;
        var reason = exception.GetBaseException().Message.TrimEnd('.');
        return new DatabaseUnavailableException($"The {Name} database cannot be reached for now ({reason}): try again in a few seconds.", exception);
    }

    /// <summary>Runs <paramref name="operation"/>, turning a failure that says the database cannot be reached into a <see cref="DatabaseUnavailableException"/>.</summary>
    internal async Task<T> GuardAsync<T>(Func<Task<T>> operation)
    {
        try
        {
            return await operation().ConfigureAwait(false);
        }
        catch (Exception e) when (e is not DatabaseUnavailableException && AsUnavailable(e) is { } unavailable)
        {
            throw unavailable;
        }
    }

    /// <summary>Runs <paramref name="operation"/>, turning a failure that says the database cannot be reached into a <see cref="DatabaseUnavailableException"/>.</summary>
    internal T Guard<T>(Func<T> operation)
    {
        try
        {
            return operation();
        }
        catch (Exception e) when (e is not DatabaseUnavailableException && AsUnavailable(e) is { } unavailable)
        {
            throw unavailable;
        }
    }

    /// <summary>Whether <paramref name="exception"/> or one of its inner exceptions is a <typeparamref name="T"/> matching <paramref name="match"/>.</summary>
    protected static bool HasInner<T>(Exception exception, Func<T, bool> match) where T : Exception
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is T t && match(t)) return true;
        return false;
    }
}
