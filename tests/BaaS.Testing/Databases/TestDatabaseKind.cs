namespace BaaS.Testing;

/// <summary>The engines a suite written once runs on.</summary>
public enum TestDatabaseKind
{
    /// <summary>A SQLite file in a temporary folder (WAL, as in production).</summary>
    SqliteFile,

    /// <summary>A shared-cache SQLite database in memory.</summary>
    SqliteMemory,

    /// <summary>A database of its own on the test run's PostgreSQL server.</summary>
    PostgreSql,
}
