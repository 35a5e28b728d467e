using System.Security.Cryptography;
using System.Text.RegularExpressions;
using BaaS;
using BaaS.Client;
using BaaS.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MyApp.ServiceInterface;
using MyApp.ServiceModel;

namespace MyApp.Tests;

/// <summary>A signed-in user of the host: made through AdminCreateUser with a password generated for this run.</summary>
public sealed record TestUser(Guid Id, string Email, string Password, string Token);

/// <summary>
/// MyApp as `dotnet run` starts it (the same startup modules, migrations and demo data), on a real Kestrel at 127.0.0.1
/// with a free port, over a database of its own. The first administrator comes from configuration (Auth:Admin:*, a
/// password generated per run); it makes two users per role with AdminCreateUser. The demo users' passwords, printed at
/// startup, are captured from <see cref="DemoOutput"/>.
/// </summary>
public abstract partial class MyAppHost : IAsyncLifetime
{
    private WebApplication? _app;
    private TestDatabase? _database;

    public string BaseUrl { get; private set; } = "";

    public IServiceProvider Services => _app!.Services;

    /// <summary>What the app printed for people (the demo users' credentials).</summary>
    public StringWriter DemoOutput { get; } = new();

    public TestUser Admin { get; private set; } = null!;
    public TestUser Customer { get; private set; } = null!;
    public TestUser OtherCustomer { get; private set; } = null!;
    public TestUser Owner { get; private set; } = null!;
    public TestUser OtherOwner { get; private set; } = null!;
    public TestUser Courier { get; private set; } = null!;
    public TestUser OtherCourier { get; private set; } = null!;

    /// <summary>True to run on PostgreSQL, false on SQLite.</summary>
    protected abstract bool Postgres { get; }

    /// <summary>The app's connection string (to start a second instance on the same database).</summary>
    public string ConnectionString => _database!.ConnectionString;

    public JsonApiClient CreateClient() => new(BaseUrl);

    /// <summary>A client signed in as <paramref name="user"/>.</summary>
    public JsonApiClient As(TestUser user) => new(BaseUrl) { BearerToken = user.Token };

    public HttpClient CreateHttp() => new() { BaseAddress = new Uri(BaseUrl) };

    public static string NewPassword() => RandomNumberGenerator.GetString("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 20);

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(Postgres, "myapp_tests");
        var adminEmail = $"admin-{Guid.NewGuid():N}"[..16] + "@tests.example";
        var adminPassword = NewPassword();
        _app = await StartAppAsync(_database.ConnectionString, DemoOutput, adminEmail, adminPassword);
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        Admin = await SignInAsync(adminEmail, adminPassword);
        var users = await Task.WhenAll(
            CreateUserAsync(Roles.Customer), CreateUserAsync(Roles.Customer), CreateUserAsync(Roles.Owner),
            CreateUserAsync(Roles.Owner), CreateUserAsync(Roles.Courier), CreateUserAsync(Roles.Courier));
        (Customer, OtherCustomer, Owner, OtherOwner, Courier, OtherCourier) = (users[0], users[1], users[2], users[3], users[4], users[5]);
    }

    /// <summary>
    /// Builds and starts MyApp over <paramref name="connectionString"/> as Program.cs does, with what tests need on top:
    /// the first admin from configuration, no sign-in rate limit, cheap password hashes, captured demo output.
    /// </summary>
    public static async Task<WebApplication> StartAppAsync(string connectionString, TextWriter demoOutput, string? adminEmail, string? adminPassword,
        Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Configuration["ConnectionStrings:DefaultConnection"] = connectionString;
        builder.Configuration["Database:SeedDemoData"] = "true"; // as appsettings.Development.json says, which tests do not load
        if (adminEmail is not null)
        {
            builder.Configuration["Auth:Admin:Email"] = adminEmail;
            builder.Configuration["Auth:Admin:Password"] = adminPassword;
        }
        builder.Configuration["Auth:RateLimit:PermitLimit"] = "100000";
        builder.Configuration["Auth:PasswordHashIterations"] = "1000";
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(new DemoCredentialsOutput(demoOutput));
        builder.AddModules(typeof(ConfigureAppHost).Assembly);
        configure?.Invoke(builder);
        var app = builder.Build();
        app.UseModules();
        await app.StartAsync();
        return app;
    }

    public async Task<TestUser> SignInAsync(string email, string password)
    {
        using var client = CreateClient();
        var auth = await client.SendAsync(new Authenticate { Provider = "credentials", UserName = email, Password = password });
        return new TestUser(Guid.Parse(auth.UserId!), email, password, auth.BearerToken!);
    }

    /// <summary>A new user with <paramref name="role"/>, made by the admin through AdminCreateUser, signed in.</summary>
    public async Task<TestUser> CreateUserAsync(string role)
    {
        using var admin = As(Admin);
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}"[..20] + "@tests.example";
        var password = NewPassword();
        await admin.SendAsync(new AdminCreateUser { Email = email, Password = password, DisplayName = role + " " + email[..4], Roles = [role], EmailConfirmed = true });
        return await SignInAsync(email, password);
    }

    /// <summary>The demo users' latest printed passwords, by email.</summary>
    public Dictionary<string, string> DemoPasswords() => PrintedPasswords(DemoOutput.ToString());

    /// <summary>The passwords in what the app printed (the last one of each user), by email.</summary>
    public static Dictionary<string, string> PrintedPasswords(string printed) => DemoCredentialsOutput.ReadPasswords(printed);

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

/// <summary>The SQLite host shared by the behaviour suites (they run one after another on it).</summary>
[CollectionDefinition(Name)]
public sealed class SqliteApp : ICollectionFixture<SqliteMyAppHost>
{
    public const string Name = "MyApp on SQLite";
}

/// <summary>The PostgreSQL host shared by the behaviour suites.</summary>
[CollectionDefinition(Name)]
public sealed class PostgreSqlApp : ICollectionFixture<PostgreSqlMyAppHost>
{
    public const string Name = "MyApp on PostgreSQL";
}
