using BaaS.Data;
using BaaS.Data.Sqlite;
using Microsoft.Data.Sqlite;

namespace BaaS.Testing;

/// <summary>A SQLite file (<c>test.db</c>) in a temporary folder of its own, deleted with the folder.</summary>
public sealed class SqliteFileTestDatabase : TestDatabase
{
    private SqliteFileTestDatabase(string folder)
    {
        Folder = folder;
        ConnectionString = $"Data Source={Path.Combine(folder, "test.db")}";
    }

    /// <summary>The temporary folder (for tests that need files beside the database).</summary>
    public string Folder { get; }

    /// <inheritdoc />
    public override TestDatabaseKind Kind => TestDatabaseKind.SqliteFile;

    /// <inheritdoc />
    public override string ConnectionString { get; }

    /// <inheritdoc />
    public override DialectProvider Dialect => SqliteDialect.Instance;

    /// <summary>Creates the folder; the file appears on first use.</summary>
    public static SqliteFileTestDatabase Create(string prefix = "baas_tests")
    {
        var folder = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        return new SqliteFileTestDatabase(folder);
    }

    /// <inheritdoc />
    public override string SiblingConnectionString(string name) => $"Data Source={Path.Combine(Folder, name + ".db")}";

    /// <inheritdoc />
    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // a worker process may hold a file for a moment longer; the OS cleans the temp folder
        }
        return ValueTask.CompletedTask;
    }
}
