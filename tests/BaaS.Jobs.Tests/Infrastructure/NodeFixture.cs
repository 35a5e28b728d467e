namespace BaaS.Jobs.Tests;

/// <summary>Which database a suite runs on.</summary>
public interface IDatabaseKind
{
    static abstract TestDatabaseKind Kind { get; }
}

public sealed class OnSqlite : IDatabaseKind
{
    public static TestDatabaseKind Kind => TestDatabaseKind.SqliteFile;
}

public sealed class OnPostgreSql : IDatabaseKind
{
    public static TestDatabaseKind Kind => TestDatabaseKind.PostgreSql;
}

/// <summary>A jobs database and one node on it, shared by the tests of a class (each test uses its own keys).</summary>
public sealed class NodeFixture<TKind> : IAsyncLifetime where TKind : IDatabaseKind
{
    public TestDatabase Database { get; private set; } = null!;

    public JobsNode Node { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(TKind.Kind, "jobs_tests");
        Node = await JobsNode.StartAsync(Database);
    }

    public async Task DisposeAsync()
    {
        if (Node is not null) await Node.DisposeAsync();
        if (Database is not null) await Database.DisposeAsync();
    }
}
