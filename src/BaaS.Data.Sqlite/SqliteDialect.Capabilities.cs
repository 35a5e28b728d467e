namespace BaaS.Data.Sqlite;

public sealed partial class SqliteDialect
{
    private static readonly DialectCapabilities SqliteCapabilities = new()
    {
        Returning = true, // SQLite 3.35 and later; the bundled library is newer
        SerializesWrites = true, // transactions begin IMMEDIATE, taking the write lock at once
        JsonEach = true, // JSON1 is built into the bundled library
    };

    /// <summary>RETURNING, a single writer and <c>json_each</c>. No row locks, arrays, advisory locks or notifications.</summary>
    public override DialectCapabilities Capabilities => SqliteCapabilities;

    /// <summary>
    /// <c>substr("completed_at", 1, 16)</c>: dates are stored as fixed-width UTC text (<c>yyyy-MM-dd HH:mm:ss.fffffff</c>),
    /// so the minute is the text's first 16 characters.
    /// </summary>
    public override string UtcMinuteText(string columnSql) => $"substr({columnSql}, 1, 16)";
}
