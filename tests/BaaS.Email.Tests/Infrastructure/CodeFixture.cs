namespace BaaS.Email.Tests;

/// <summary>One code app shared by the tests of a collection (run one after another): its database, its cache store, its clock.</summary>
public abstract class CodeFixture(TestDatabaseKind kind, CacheStore store) : TestServerFixture
{
    /// <summary>The app's clock: a test that moves it puts it back before the next test runs.</summary>
    public TestClock Clock { get; } = new();

    /// <summary>Where the app keeps its codes.</summary>
    public CacheStore Store => store;

    protected override void Configure(TestServerOptions options) => CodeApp.Configure(options, kind, store, Clock, CodeApp.Settings());
}

public sealed class SqliteMemoryCodeFixture() : CodeFixture(TestDatabaseKind.SqliteFile, CacheStore.Memory);

public sealed class SqliteRedisCodeFixture() : CodeFixture(TestDatabaseKind.SqliteFile, CacheStore.Redis);

public sealed class PostgreSqlMemoryCodeFixture() : CodeFixture(TestDatabaseKind.PostgreSql, CacheStore.Memory);

public sealed class PostgreSqlRedisCodeFixture() : CodeFixture(TestDatabaseKind.PostgreSql, CacheStore.Redis);

[CollectionDefinition(Name)] public sealed class SqliteMemoryCodes : ICollectionFixture<SqliteMemoryCodeFixture> { public const string Name = "Codes on SQLite, cache in memory"; }

[CollectionDefinition(Name)] public sealed class SqliteRedisCodes : ICollectionFixture<SqliteRedisCodeFixture> { public const string Name = "Codes on SQLite, cache on Redis"; }

[CollectionDefinition(Name)] public sealed class PostgreSqlMemoryCodes : ICollectionFixture<PostgreSqlMemoryCodeFixture> { public const string Name = "Codes on PostgreSQL, cache in memory"; }

[CollectionDefinition(Name)] public sealed class PostgreSqlRedisCodes : ICollectionFixture<PostgreSqlRedisCodeFixture> { public const string Name = "Codes on PostgreSQL, cache on Redis"; }
