using BaaS.Data.Sqlite;
using Microsoft.Data.Sqlite;

namespace BaaS.Data.Tests;

/// <summary>SQLite in a temporary file (WAL, as in production), deleted at the end.</summary>
public sealed class SqliteFileFixture : DatabaseFixture
{
    public SqliteFileFixture()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"baas_data_tests_{Guid.NewGuid():N}.db");
        ConnectionString = $"Data Source={Path}";
        Factory = new DbConnectionFactory(ConnectionString, SqliteDialect.Instance);
    }

    public string Path { get; }

    public string ConnectionString { get; }

    public override DbConnectionFactory Factory { get; }

    protected override void Dispose(bool disposing)
    {
        Factory.Dispose();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            if (File.Exists(Path + suffix)) File.Delete(Path + suffix);
    }
}
