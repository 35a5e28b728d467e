namespace MyApp.Tests;

/// <summary>
/// MyApp keeping request bodies in its request log (<c>RequestLogs:IncludeBodies</c>, which the shared app leaves off as
/// MyApp does by default), for the Admin UI's log and analytics pages: an app of its own, so the log holds only the calls
/// of these tests and of their browsers.
/// </summary>
public abstract class LoggingMyAppFixture(TestDatabaseKind kind) : MyAppFixture(kind)
{
    protected override void Configure(TestServerOptions options)
    {
        base.Configure(options);
        options.Configuration["RequestLogs:IncludeBodies"] = "true";
    }
}

/// <summary>The logging app on a SQLite file.</summary>
public sealed class SqliteLoggingMyAppFixture() : LoggingMyAppFixture(TestDatabaseKind.SqliteFile);

/// <summary>The logging app on PostgreSQL.</summary>
public sealed class PostgreSqlLoggingMyAppFixture() : LoggingMyAppFixture(TestDatabaseKind.PostgreSql);

/// <summary>The logging app on SQLite, shared by the log pages' tests.</summary>
[CollectionDefinition(Name)]
public sealed class SqliteLoggingApp : ICollectionFixture<SqliteLoggingMyAppFixture>
{
    public const string Name = "MyApp with request bodies logged, on SQLite";
}

/// <summary>The logging app on PostgreSQL, shared by the log pages' tests.</summary>
[CollectionDefinition(Name)]
public sealed class PostgreSqlLoggingApp : ICollectionFixture<PostgreSqlLoggingMyAppFixture>
{
    public const string Name = "MyApp with request bodies logged, on PostgreSQL";
}
