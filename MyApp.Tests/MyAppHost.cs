using BaaS;
using BaaS.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using BaaS.Testing;

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

    private TestDatabase? _database;

    /// <summary>True to run on PostgreSQL, false on SQLite.</summary>
    protected abstract bool Postgres { get; }

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(Postgres, "myapp_tests");
        var connectionString = _database.ConnectionString;
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
        if (_database is not null) await _database.DisposeAsync();
    }
}

public sealed class SqliteMyAppHost : MyAppHost
{
    protected override bool Postgres => false;
}

public sealed class PostgreSqlMyAppHost : MyAppHost
{
    protected override bool Postgres => true;
}
