using Microsoft.Data.Sqlite;

namespace BaaS.Data.Sqlite;

public sealed partial class SqliteDialect
{
    /// <summary>
    /// The SQLite file cannot be used for now: still busy or locked by another writer after the busy timeout
    /// (<c>SQLITE_BUSY</c> 5, <c>SQLITE_LOCKED</c> 6), or it cannot be opened or read (<c>SQLITE_CANTOPEN</c> 14,
    /// <c>SQLITE_IOERR</c> 10: a missing volume, a file system gone read-only or away).
    /// </summary>
    public override bool IsUnavailable(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return HasInner<SqliteException>(exception, e => e.SqliteErrorCode is 5 or 6 or 10 or 14);
    }
}
