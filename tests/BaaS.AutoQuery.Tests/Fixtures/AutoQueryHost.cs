using BaaS.Client;
using BaaS.Data;
using BaaS.Tests.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using BaaS.Testing;

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

    private TestDatabase? _database;

    /// <summary>True to run on PostgreSQL, false on SQLite.</summary>
    protected abstract bool Postgres { get; }

    /// <summary>The DTO types served (all public fixture DTOs).</summary>
    public static Type[] DtoTypes { get; } = [.. typeof(AutoQueryHost).Assembly.GetTypes()
        .Where(t => t.Namespace == typeof(AutoQueryHost).Namespace && t.IsPublic && typeof(IReturn).IsAssignableFrom(t))];

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(Postgres, "baas_autoquery");
        Factory = _database.CreateFactory();
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
        if (_database is not null) await _database.DisposeAsync();
    }
}

public sealed class SqliteAutoQueryHost : AutoQueryHost
{
    protected override bool Postgres => false;
}

public sealed class PostgreSqlAutoQueryHost : AutoQueryHost
{
    protected override bool Postgres => true;
}
