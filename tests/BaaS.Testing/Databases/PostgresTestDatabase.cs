using BaaS.Data;
using BaaS.Data.PostgreSQL;
using Npgsql;

namespace BaaS.Testing;

/// <summary>A database of its own on the test run's PostgreSQL server (<see cref="PostgresTestService"/>), dropped when disposed.</summary>
public sealed class PostgresTestDatabase : TestDatabase
{
    private readonly string _admin;

    private PostgresTestDatabase(string admin, string name)
    {
        _admin = admin;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    /// <summary>The database's name (the prefix and a random suffix).</summary>
    public string Name { get; }

    /// <inheritdoc />
    public override TestDatabaseKind Kind => TestDatabaseKind.PostgreSql;

    /// <inheritdoc />
    public override string ConnectionString { get; }

    /// <inheritdoc />
    public override DialectProvider Dialect => PostgreSqlDialect.Instance;

    /// <summary>Creates the database; fails with instructions when the test run's server is not running.</summary>
    public static async Task<PostgresTestDatabase> CreateAsync(string prefix = "baas_tests", CancellationToken cancellationToken = default)
    {
        var admin = PostgresTestService.Instance.ConnectionString;
        // Identifiers are at most 63 bytes; the name is made here of letters, digits and underscores only.
        var name = $"{prefix}_{Guid.NewGuid():N}".ToLowerInvariant();
        if (name.Length > 63) name = name[..63];
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync(cancellationToken);
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync(cancellationToken);
        return new PostgresTestDatabase(admin, name);
    }

    /// <inheritdoc />
    public override string SiblingConnectionString(string name) => ConnectionString;

    /// <inheritdoc />
    public override async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
