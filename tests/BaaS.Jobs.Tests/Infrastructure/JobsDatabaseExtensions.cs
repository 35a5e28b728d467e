namespace BaaS.Jobs.Tests;

/// <summary>Where a test database keeps the jobs queue: a file of its own beside the app's on SQLite, the same database on PostgreSQL.</summary>
public static class JobsDatabaseExtensions
{
    extension(TestDatabase database)
    {
        /// <summary>The jobs queue's connection string.</summary>
        public string JobsConnectionString => database.SiblingConnectionString("jobs");
    }

    /// <summary>The engine a command line names (<c>SQLite</c> or <c>PostgreSQL</c>, as the worker and benchmark take it).</summary>
    public static TestDatabaseKind KindNamed(string name) => name switch
    {
        "SQLite" => TestDatabaseKind.SqliteFile,
        "PostgreSQL" => TestDatabaseKind.PostgreSql,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "SQLite or PostgreSQL"),
    };
}
