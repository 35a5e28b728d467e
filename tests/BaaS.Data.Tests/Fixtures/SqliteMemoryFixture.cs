using BaaS.Data.Sqlite;
using Microsoft.Data.Sqlite;

namespace BaaS.Data.Tests;

/// <summary>
/// SQLite in memory, shared by every connection of the fixture (a named shared-cache database lives as long as one
/// connection to it is open, so the fixture keeps one open).
/// </summary>
public sealed class SqliteMemoryFixture : DatabaseFixture
{
    private readonly SqliteConnection _keepAlive;

    public SqliteMemoryFixture()
    {
        var cs = $"Data Source=baas_mem_{Guid.NewGuid():N};Mode=Memory;Cache=Shared";
        _keepAlive = new SqliteConnection(cs);
        _keepAlive.Open();
        Factory = new DbConnectionFactory(cs, SqliteDialect.Instance);
    }

    public override DbConnectionFactory Factory { get; }

    protected override void Dispose(bool disposing)
    {
        Factory.Dispose();
        _keepAlive.Dispose();
    }
}
