namespace MyApp.Tests;

/// <summary>The SQLite app shared by the behaviour suites (they run one after another on it).</summary>
[CollectionDefinition(Name)]
public sealed class SqliteApp : ICollectionFixture<SqliteMyAppFixture>
{
    public const string Name = "MyApp on SQLite";
}

/// <summary>The PostgreSQL app shared by the behaviour suites.</summary>
[CollectionDefinition(Name)]
public sealed class PostgreSqlApp : ICollectionFixture<PostgreSqlMyAppFixture>
{
    public const string Name = "MyApp on PostgreSQL";
}
