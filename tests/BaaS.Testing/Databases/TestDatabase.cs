using BaaS.Data;

namespace BaaS.Testing;

/// <summary>
/// A database of a test's own, removed when disposed: a SQLite file in a temporary folder, a SQLite database in memory,
/// or a database on the test run's PostgreSQL server (so the suites of several projects share the server). Create one
/// with <see cref="CreateAsync"/>; adding an engine is adding a subclass.
/// </summary>
public abstract class TestDatabase : IAsyncDisposable
{
    /// <summary>Which engine.</summary>
    public abstract TestDatabaseKind Kind { get; }

    /// <summary>The driver connection string of the database.</summary>
    public abstract string ConnectionString { get; }

    /// <summary>Its dialect.</summary>
    public abstract DialectProvider Dialect { get; }

    /// <summary>True on PostgreSQL.</summary>
    public bool IsPostgreSql => Kind == TestDatabaseKind.PostgreSql;

    /// <summary>A new factory on the database (the caller disposes it).</summary>
    public DbConnectionFactory CreateFactory() => new(ConnectionString, Dialect);

    /// <summary>
    /// The connection string of a second database that lives and dies with this one, for an app that keeps a concern
    /// apart (the jobs queue): another file or in-memory database on SQLite, the same database on PostgreSQL.
    /// </summary>
    public abstract string SiblingConnectionString(string name);

    /// <summary>Creates an empty database of <paramref name="kind"/>; <paramref name="prefix"/> names it, to tell suites apart.</summary>
    public static async Task<TestDatabase> CreateAsync(TestDatabaseKind kind, string prefix = "baas_tests", CancellationToken cancellationToken = default) =>
        kind switch
        {
            TestDatabaseKind.SqliteFile => SqliteFileTestDatabase.Create(prefix),
            TestDatabaseKind.SqliteMemory => SqliteMemoryTestDatabase.Create(prefix),
            TestDatabaseKind.PostgreSql => await PostgresTestDatabase.CreateAsync(prefix, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };

    /// <summary>Removes the database.</summary>
    public abstract ValueTask DisposeAsync();
}
