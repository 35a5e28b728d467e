using BaaS.Client;
using BaaS.Data;
using BaaS.Data.PostgreSQL;
using BaaS.Data.Sqlite;
using BaaS.Tests.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace BaaS.AutoQuery.Tests.Fixtures;

/// <summary>
/// A real Kestrel on 127.0.0.1 serving the fixture DTOs through AutoQuery over a database of its own, seeded with
/// <see cref="Seed"/>; callers sign in with the test header scheme (<c>X-Test-User: alice</c>).
/// </summary>
public abstract class AutoQueryHost : IAsyncLifetime
{
    public const int MaxLimit = 6;

    private WebApplication? _app;

    public string BaseUrl { get; private set; } = "";

    public DbConnectionFactory Factory { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public JsonApiClient CreateClient(string? user = null)
    {
        var client = new JsonApiClient(BaseUrl);
        if (user is not null) client.Headers[TestAuthenticationHandler.Header] = user;
        return client;
    }

    protected abstract Task<DbConnectionFactory> CreateDatabaseAsync();

    protected abstract Task DropDatabaseAsync();

    /// <summary>The DTO types served (all public fixture DTOs).</summary>
    public static Type[] DtoTypes { get; } = [.. typeof(AutoQueryHost).Assembly.GetTypes()
        .Where(t => t.Namespace == typeof(AutoQueryHost).Namespace && t.IsPublic && typeof(IReturn).IsAssignableFrom(t))];

    public async Task InitializeAsync()
    {
        Factory = await CreateDatabaseAsync();
        await using (var db = await Factory.OpenAsync())
        {
            await db.CreateTableAsync<Author>();
            await db.CreateTableAsync<Book>();
            await db.CreateTableAsync<Dish>();
            await Seed.InsertAsync(db);
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IDbConnectionFactory>(Factory);
        builder.Services.AddAuthentication(TestAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, TestAuthenticationHandler>(TestAuthenticationHandler.SchemeName, null);
        builder.Services.AddBaaS(o =>
        {
            o.ServiceName = "AutoQueryTests";
            o.ServiceTypes.Add(typeof(HandWrittenServices));
        });
        builder.Services.AddAutoQuery(o =>
        {
            o.MaxLimit = MaxLimit;
            o.Types.AddRange(DtoTypes);
        });
        _app = builder.Build();
        _app.UseBaaS();
        await _app.StartAsync();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
    }

    public async Task DisposeAsync()
    {
        Http?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        await Factory.DisposeAsync();
        await DropDatabaseAsync();
    }
}

public sealed class SqliteAutoQueryHost : AutoQueryHost
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "baas-autoquery-" + Guid.NewGuid().ToString("N"));

    protected override Task<DbConnectionFactory> CreateDatabaseAsync()
    {
        Directory.CreateDirectory(_folder);
        return Task.FromResult(new DbConnectionFactory($"Data Source={Path.Combine(_folder, "test.db")}", SqliteDialect.Instance));
    }

    protected override Task DropDatabaseAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}

public sealed class PostgreSqlAutoQueryHost : AutoQueryHost
{
    private readonly string _database = "baas_autoquery_" + Guid.NewGuid().ToString("N")[..12];
    private string? _admin;

    protected override async Task<DbConnectionFactory> CreateDatabaseAsync()
    {
        _admin = Environment.GetEnvironmentVariable("BAAS_TEST_POSTGRES")
            ?? throw new InvalidOperationException("PostgreSQL is required for these tests: run ./test.sh, which starts one and sets BAAS_TEST_POSTGRES.");
        await using (var connection = new NpgsqlConnection(_admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_database}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        return new DbConnectionFactory(new NpgsqlConnectionStringBuilder(_admin) { Database = _database }.ConnectionString, PostgreSqlDialect.Instance);
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
