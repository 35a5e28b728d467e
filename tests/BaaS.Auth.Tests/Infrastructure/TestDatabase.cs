using BaaS.Data;
using BaaS.Data.PostgreSQL;
using BaaS.Data.Sqlite;
using Npgsql;

namespace BaaS.Auth.Tests.Infrastructure;

/// <summary>A database of the test's own, created before and dropped after.</summary>
public abstract class TestDatabase
{
    public abstract Task<DbConnectionFactory> CreateAsync();

    public abstract Task DropAsync();
}

/// <summary>A SQLite file in a temp folder.</summary>
public sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "baas-auth-tests-" + Guid.NewGuid().ToString("N"));

    public override Task<DbConnectionFactory> CreateAsync()
    {
        Directory.CreateDirectory(_folder);
        return Task.FromResult(new DbConnectionFactory($"Data Source={Path.Combine(_folder, "auth.db")}", SqliteDialect.Instance));
    }

    public override Task DropAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}

/// <summary>A database of its own on the test PostgreSQL server (BAAS_TEST_POSTGRES), dropped afterwards.</summary>
public sealed class PostgreSqlTestDatabase : TestDatabase
{
    private readonly string _name = "auth_tests_" + Guid.NewGuid().ToString("N")[..12];
    private string? _admin;

    public override async Task<DbConnectionFactory> CreateAsync()
    {
        _admin = Environment.GetEnvironmentVariable("BAAS_TEST_POSTGRES")
            ?? throw new InvalidOperationException("PostgreSQL is required for these tests: run ./test.sh, which starts it and sets BAAS_TEST_POSTGRES.");
        await using (var connection = new NpgsqlConnection(_admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        return new DbConnectionFactory(new NpgsqlConnectionStringBuilder(_admin) { Database = _name }.ConnectionString, PostgreSqlDialect.Instance);
    }

    public override async Task DropAsync()
    {
        if (_admin is null) return;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
