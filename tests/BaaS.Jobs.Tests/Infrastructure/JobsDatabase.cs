using BaaS.Data;
using BaaS.Data.PostgreSQL;
using BaaS.Data.Sqlite;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace BaaS.Jobs.Tests;

/// <summary>A jobs database of a test's own: a jobs.db in a temp folder, or a fresh PostgreSQL database.</summary>
public abstract class JobsDatabase : IAsyncDisposable
{
    /// <summary>SQLite or PostgreSQL.</summary>
    public abstract string Kind { get; }

    public abstract DialectProvider Dialect { get; }

    /// <summary>The app's own database (unused by jobs; a separate file or the same PostgreSQL database).</summary>
    public string AppConnectionString { get; protected set; } = "";

    public string JobsConnectionString { get; protected set; } = "";

    public bool IsPostgreSql => Kind == "PostgreSQL";

    public static Task<JobsDatabase> CreateAsync(string kind) => kind switch
    {
        "SQLite" => SqliteJobsDatabase.CreateAsync(),
        "PostgreSQL" => PostgreSqlJobsDatabase.CreateAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>A factory for the app, with the jobs database registered as <c>jobs</c>.</summary>
    public DbConnectionFactory CreateFactory()
    {
        var factory = new DbConnectionFactory(AppConnectionString, Dialect);
        factory.RegisterConnection("jobs", JobsConnectionString, Dialect);
        return factory;
    }

    public abstract ValueTask DisposeAsync();
}

public sealed class SqliteJobsDatabase : JobsDatabase
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "baas-jobs-tests-" + Guid.NewGuid().ToString("N"));

    public override string Kind => "SQLite";

    public override DialectProvider Dialect => SqliteDialect.Instance;

    public static Task<JobsDatabase> CreateAsync()
    {
        var db = new SqliteJobsDatabase();
        Directory.CreateDirectory(db._folder);
        db.AppConnectionString = $"Data Source={Path.Combine(db._folder, "app.db")}";
        db.JobsConnectionString = $"Data Source={Path.Combine(db._folder, "jobs.db")}";
        return Task.FromResult<JobsDatabase>(db);
    }

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // a worker process may still hold the file for a moment; the temp folder is cleaned by the OS
        }
        return ValueTask.CompletedTask;
    }
}

public sealed class PostgreSqlJobsDatabase : JobsDatabase
{
    private string _admin = "";
    private string _name = "";

    public override string Kind => "PostgreSQL";

    public override DialectProvider Dialect => PostgreSqlDialect.Instance;

    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable("BAAS_TEST_POSTGRES")
        ?? throw new InvalidOperationException("PostgreSQL is required for these tests: run ./test.sh, which starts it and sets BAAS_TEST_POSTGRES.");

    public static async Task<JobsDatabase> CreateAsync()
    {
        var db = new PostgreSqlJobsDatabase { _admin = AdminConnectionString, _name = "jobs_tests_" + Guid.NewGuid().ToString("N")[..12] };
        await using (var connection = new NpgsqlConnection(db._admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{db._name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        db.AppConnectionString = new NpgsqlConnectionStringBuilder(db._admin) { Database = db._name }.ConnectionString;
        db.JobsConnectionString = db.AppConnectionString;
        return db;
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
