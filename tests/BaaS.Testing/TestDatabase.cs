using BaaS.Data;
using BaaS.Data.PostgreSQL;
using BaaS.Data.Sqlite;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace BaaS.Testing;

/// <summary>
/// A database of a test fixture's own, removed when disposed: a SQLite file in a temporary folder, or a database
/// on the PostgreSQL server of the test run (so suites of several projects can share the server).
/// </summary>
public abstract class TestDatabase : IAsyncDisposable
{
    /// <summary>The driver connection string of the database.</summary>
    public abstract string ConnectionString { get; }

    /// <summary>Its dialect.</summary>
    public abstract DialectProvider Dialect { get; }

    /// <summary>A new factory on the database (the caller disposes it).</summary>
    public DbConnectionFactory CreateFactory() => new(ConnectionString, Dialect);

    /// <summary>Creates a SQLite or PostgreSQL test database.</summary>
    public static async Task<TestDatabase> CreateAsync(bool postgres, string prefix) =>
        postgres ? await PostgresTestDatabase.CreateAsync(prefix) : SqliteTestDatabase.Create(prefix);

    /// <inheritdoc />
    public abstract ValueTask DisposeAsync();
}

/// <summary>A SQLite database file in a temporary folder of its own.</summary>
public sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string _folder;

    private SqliteTestDatabase(string folder) => _folder = folder;

    public override string ConnectionString => $"Data Source={Path.Combine(_folder, "test.db")}";

    public override DialectProvider Dialect => SqliteDialect.Instance;

    public static SqliteTestDatabase Create(string prefix)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        return new SqliteTestDatabase(folder);
    }

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}

/// <summary>A database of its own on the test run's PostgreSQL server (BAAS_TEST_POSTGRES), dropped when disposed.</summary>
public sealed class PostgresTestDatabase : TestDatabase
{
    private readonly string _admin;
    private readonly string _name;

    private PostgresTestDatabase(string admin, string name)
    {
        _admin = admin;
        _name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    public override string ConnectionString { get; }

    public override DialectProvider Dialect => PostgreSqlDialect.Instance;

    /// <summary>The server's admin connection string; without it the calling tests fail with instructions (never skip).</summary>
    public static string AdminConnectionString() =>
        Environment.GetEnvironmentVariable("BAAS_TEST_POSTGRES") is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException(
                "PostgreSQL is required for these tests: run ./test.sh, which starts it (or `source .ci/services.sh && postgres_start` " +
                "and export BAAS_TEST_POSTGRES).");

    public static async Task<PostgresTestDatabase> CreateAsync(string prefix)
    {
        var admin = AdminConnectionString();
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 63)].ToLowerInvariant();
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
        return new PostgresTestDatabase(admin, name);
    }

    public override async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
