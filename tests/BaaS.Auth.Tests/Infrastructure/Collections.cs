namespace BaaS.Auth.Tests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class SqliteCollection : ICollectionFixture<SqliteAuthFixture>
{
    public const string Name = "Auth on SQLite";
}

[CollectionDefinition(Name)]
public sealed class PostgreSqlCollection : ICollectionFixture<PostgreSqlAuthFixture>
{
    public const string Name = "Auth on PostgreSQL";
}
