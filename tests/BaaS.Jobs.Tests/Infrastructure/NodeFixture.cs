namespace BaaS.Jobs.Tests;

/// <summary>Which database a suite runs on.</summary>
public interface IDatabaseKind
{
    static abstract string Name { get; }
}

public sealed class OnSqlite : IDatabaseKind
{
    public static string Name => "SQLite";
}

public sealed class OnPostgreSql : IDatabaseKind
{
    public static string Name => "PostgreSQL";
}

/// <summary>A jobs database and one node on it, shared by the tests of a class (each test uses its own keys).</summary>
public sealed class NodeFixture<TKind> : IAsyncLifetime where TKind : IDatabaseKind
{
    public JobsDatabase Database { get; private set; } = null!;

    public TestNode Node { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await JobsDatabase.CreateAsync(TKind.Name);
        Node = await TestNode.StartAsync(Database);
    }

    public async Task DisposeAsync()
    {
        if (Node is not null) await Node.DisposeAsync();
        if (Database is not null) await Database.DisposeAsync();
    }
}
