namespace BaaS.Data.Tests;

// One database per kind for the whole run; the classes of a collection run one after another on it, the three
// collections in parallel.
[CollectionDefinition(SqliteFile)]
public sealed class SqliteFileCollection : ICollectionFixture<SqliteFileDatabaseFixture>
{
    public const string SqliteFile = "sqlite-file";
}

[CollectionDefinition(SqliteMemory)]
public sealed class SqliteMemoryCollection : ICollectionFixture<SqliteMemoryDatabaseFixture>
{
    public const string SqliteMemory = "sqlite-memory";
}

[CollectionDefinition(Postgres)]
public sealed class PostgresCollection : ICollectionFixture<PostgresDatabaseFixture>
{
    public const string Postgres = "postgres";
}
