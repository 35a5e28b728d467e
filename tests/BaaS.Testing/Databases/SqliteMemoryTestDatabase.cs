using System.Collections.Concurrent;
using BaaS.Data;
using BaaS.Data.Sqlite;
using Microsoft.Data.Sqlite;

namespace BaaS.Testing;

/// <summary>
/// SQLite in memory, shared by every connection to it: a named shared-cache database lives as long as one connection
/// to it is open, so this keeps one open until disposed.
/// </summary>
public sealed class SqliteMemoryTestDatabase : TestDatabase
{
    private readonly string _name;
    private readonly ConcurrentDictionary<string, SqliteConnection> _keepAlive = new();

    private SqliteMemoryTestDatabase(string name)
    {
        _name = name;
        ConnectionString = Open(name);
    }

    /// <inheritdoc />
    public override TestDatabaseKind Kind => TestDatabaseKind.SqliteMemory;

    /// <inheritdoc />
    public override string ConnectionString { get; }

    /// <inheritdoc />
    public override DialectProvider Dialect => SqliteDialect.Instance;

    /// <summary>Creates and opens the database.</summary>
    public static SqliteMemoryTestDatabase Create(string prefix = "baas_tests") => new($"{prefix}_mem_{Guid.NewGuid():N}");

    /// <inheritdoc />
    public override string SiblingConnectionString(string name) => Open($"{_name}_{name}");

    private string Open(string name)
    {
        var connectionString = $"Data Source={name};Mode=Memory;Cache=Shared";
        _keepAlive.GetOrAdd(name, _ =>
        {
            var connection = new SqliteConnection(connectionString);
            connection.Open();
            return connection;
        });
        return connectionString;
    }

    /// <inheritdoc />
    public override async ValueTask DisposeAsync()
    {
        foreach (var connection in _keepAlive.Values) await connection.DisposeAsync();
        _keepAlive.Clear();
    }
}
