using BaaS.Data.PostgreSQL;
using Npgsql;

namespace BaaS.Data.Tests;

/// <summary>
/// A database of its own (<c>baas_data_tests_&lt;random&gt;</c>) on the PostgreSQL server named by BAAS_TEST_POSTGRES,
/// dropped at the end, so suites of other projects can share the server. Without the variable every test of the
/// collection fails with instructions: these tests are never skipped.
/// </summary>
public sealed class PostgresFixture : DatabaseFixture
{
    private readonly string _adminConnectionString;

    public PostgresFixture()
    {
        _adminConnectionString = AdminConnectionString();
        DatabaseName = $"baas_data_tests_{Guid.NewGuid():N}"[..40];
        using (var admin = new NpgsqlConnection(_adminConnectionString))
        {
            admin.Open();
            using var create = admin.CreateCommand();
            create.CommandText = $"CREATE DATABASE \"{DatabaseName}\"";
            create.ExecuteNonQuery();
        }
        ConnectionString = new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = DatabaseName }.ConnectionString;
        Factory = new DbConnectionFactory(ConnectionString, PostgreSqlDialect.Instance);
    }

    public string DatabaseName { get; }

    public string ConnectionString { get; }

    public override DbConnectionFactory Factory { get; }

    public static string AdminConnectionString() =>
        Environment.GetEnvironmentVariable("BAAS_TEST_POSTGRES") is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException(
                "PostgreSQL is required for these tests: run ./test.sh, which starts it (or `source .ci/services.sh && postgres_start` " +
                "and export BAAS_TEST_POSTGRES).");

    protected override void Dispose(bool disposing)
    {
        Factory.Dispose();
        NpgsqlConnection.ClearAllPools();
        using var admin = new NpgsqlConnection(_adminConnectionString);
        admin.Open();
        using var drop = admin.CreateCommand();
        drop.CommandText = $"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)";
        drop.ExecuteNonQuery();
    }
}
