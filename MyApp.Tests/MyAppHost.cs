using BaaS;
using BaaS.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace MyApp.Tests;

/// <summary>
/// MyApp as `dotnet run` starts it (the same startup modules), on a real Kestrel at 127.0.0.1 with a free port, over
/// a database of its own.
/// </summary>
public abstract class MyAppHost : IAsyncLifetime
{
    private WebApplication? _app;

    public string BaseUrl { get; private set; } = "";

    public JsonApiClient CreateClient() => new(BaseUrl);

    public HttpClient CreateHttp() => new() { BaseAddress = new Uri(BaseUrl) };

    public IServiceProvider Services => _app!.Services;

    /// <summary>Creates the database and answers its connection string.</summary>
    protected abstract Task<string> CreateDatabaseAsync();

    /// <summary>Removes the database.</summary>
    protected abstract Task DropDatabaseAsync();

    public async Task InitializeAsync()
    {
        var connectionString = await CreateDatabaseAsync();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Configuration["ConnectionStrings:DefaultConnection"] = connectionString;
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.AddModules(typeof(ConfigureAppHost).Assembly);
        _app = builder.Build();
        _app.UseModules();
        await _app.StartAsync();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        await DropDatabaseAsync();
    }
}

public sealed class SqliteMyAppHost : MyAppHost
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "myapp-tests-" + Guid.NewGuid().ToString("N"));

    protected override Task<string> CreateDatabaseAsync() =>
        Task.FromResult($"Data Source={Path.Combine(_folder, "app.db")}");

    protected override Task DropDatabaseAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}

public sealed class PostgreSqlMyAppHost : MyAppHost
{
    private readonly string _database = "myapp_tests_" + Guid.NewGuid().ToString("N")[..12];
    private string? _admin;

    protected override async Task<string> CreateDatabaseAsync()
    {
        _admin = Environment.GetEnvironmentVariable("BAAS_TEST_POSTGRES")
            ?? throw new InvalidOperationException(
                "PostgreSQL is required for these tests: run ./test.sh, which starts one and sets BAAS_TEST_POSTGRES.");
        await using (var connection = new NpgsqlConnection(_admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_database}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(_admin) { Database = _database }.ConnectionString;
    }

    protected override async Task DropDatabaseAsync()
    {
        if (_admin is null) return;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
