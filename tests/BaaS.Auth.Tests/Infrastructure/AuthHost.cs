using System.Net;
using System.Security.Cryptography;
using BaaS.Auth.Tests.Fixtures;
using BaaS.Client;
using BaaS.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BaaS.Auth.Tests.Infrastructure;

/// <summary>
/// A real Kestrel at 127.0.0.1 serving the auth feature over its own database (the auth migrations applied), with
/// a test clock, a capturing email sender, the fake OAuth provider configured as "github" (GitHub's API shape) and
/// "fakeoidc" / "google" (OpenID Connect), and a first-run administrator from configuration.
/// </summary>
public abstract class AuthHost(TestDatabase database) : IAsyncLifetime
{
    public const string AdminEmail = "admin@auth-tests.local";

    private WebApplication? _app;
    private int _counter;

    public TestClock Clock { get; } = new();

    public CapturingEmailSender Emails { get; } = new();

    public FakeOAuthProvider Provider { get; private set; } = null!;

    public DbConnectionFactory Db { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    public IServiceProvider Services => _app!.Services;

    public string JwtSecret { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public string AdminPassword { get; } = "Adm1n-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8));

    protected virtual string EnvironmentName => "Development";

    /// <summary>Options a derived host changes after the defaults.</summary>
    protected virtual void Configure(AuthOptions options) { }


    public async Task InitializeAsync()
    {
        Provider = await FakeOAuthProvider.StartAsync();
        Db = await database.CreateAsync();
        await new Migrator(Db, AuthMigrations.Types).RunAsync();
        await using (var db = await Db.OpenAsync()) await db.CreateTableAsync<OwnedNote>();

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = EnvironmentName });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IDbConnectionFactory>(Db);
        builder.Services.AddSingleton<TimeProvider>(Clock);
        builder.Services.AddSingleton<IEmailSender>(Emails);
        builder.Services.AddBaaSOpenApi();
        builder.Services.AddBaaS(o =>
        {
            o.ServiceName = "AuthTests";
            o.ServiceTypes.Add(typeof(ProtectedServices));
            o.ServiceTypes.Add(typeof(Docs.MyOrderServices));
        });
        builder.Services.AddAutoQuery(o => o.Types.AddRange(
            [typeof(CreateOwnedNote), typeof(QueryOwnedNotes), typeof(QueryOwnedNotesEither), typeof(PatchOwnedNote), typeof(DeleteOwnedNote)]));
        builder.Services.AddBaaSAuth(null, o =>
        {
            o.Jwt.Secret = JwtSecret;
            o.PasswordHashIterations = 1_000; // production keeps 100,000; tests hash hundreds of passwords
            o.RateLimit.Enabled = false;
            o.Roles = ["Customer", "Owner", "Courier", "Admin"];
            o.NewUserRoles = ["Customer"];
            o.ApiKeys.Scopes = ["orders:read", "orders:write"];
            o.ApiKeys.UserScopes = ["orders:read"];
            o.Admin.Email = AdminEmail;
            o.Admin.Password = AdminPassword;
            o.OAuth["github"] = new OAuthProviderOptions
            {
                ClientId = FakeOAuthProvider.ClientId,
                ClientSecret = FakeOAuthProvider.ClientSecret,
                AuthorizationEndpoint = Provider.BaseUrl + "/authorize",
                TokenEndpoint = Provider.BaseUrl + "/token",
                UserInfoEndpoint = Provider.BaseUrl + "/user",
                EmailsEndpoint = Provider.BaseUrl + "/user/emails",
            };
            o.OAuth["fakeoidc"] = new OAuthProviderOptions
            {
                ClientId = FakeOAuthProvider.ClientId,
                ClientSecret = FakeOAuthProvider.ClientSecret,
                Authority = Provider.BaseUrl,
                DisplayName = "Fake OIDC",
            };
            o.OAuth["google"] = new OAuthProviderOptions
            {
                ClientId = FakeOAuthProvider.ClientId,
                ClientSecret = FakeOAuthProvider.ClientSecret,
                Authority = Provider.BaseUrl,
            };
            Configure(o);
        });
        _app = builder.Build();
        _app.UseBaaS();
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
        await Provider.DisposeAsync();
        Db.Dispose();
        await database.DropAsync();
    }

    /// <summary>A unique user name for a test.</summary>
    public string NewUserName(string prefix = "user") => $"{prefix}{Interlocked.Increment(ref _counter)}-{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>A raw client: no redirects followed, cookies kept when asked.</summary>
    public HttpClient CreateHttp(bool cookies = false) =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = cookies, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(BaseUrl) };

    public JsonApiClient CreateClient() => new(BaseUrl);

    /// <summary>Registers a user (Customer) and signs in: the client carries the bearer token.</summary>
    public async Task<SignedIn> SignUpAsync(string? prefix = null)
    {
        var userName = NewUserName(prefix ?? "user");
        var password = "Pass-" + Guid.NewGuid().ToString("N")[..10];
        var client = CreateClient();
        var registered = await client.SendAsync(new Register { UserName = userName, Email = $"{userName}@example.com", Password = password, AutoLogin = true });
        client.BearerToken = registered.BearerToken;
        return new SignedIn(client, userName, $"{userName}@example.com", password, registered.UserId!, registered.BearerToken!, registered.RefreshToken!);
    }

    /// <summary>A client signed in as the first-run administrator.</summary>
    public async Task<JsonApiClient> AdminAsync()
    {
        var client = CreateClient();
        var response = await client.SendAsync(new Authenticate { Provider = "credentials", UserName = AdminEmail, Password = AdminPassword });
        client.BearerToken = response.BearerToken;
        return client;
    }

    /// <summary>Gives a user roles through the admin API and signs in again, so the token carries them.</summary>
    public async Task<SignedIn> WithRolesAsync(SignedIn user, string[] roles, string[]? permissions = null)
    {
        using var admin = await AdminAsync();
        await admin.SendAsync(new AssignRoles { UserName = user.UserName, Roles = [.. roles], Permissions = [.. permissions ?? []] });
        var response = await user.Client.SendAsync(new Authenticate { Provider = "credentials", UserName = user.UserName, Password = user.Password });
        user.Client.BearerToken = response.BearerToken;
        return user with { BearerToken = response.BearerToken!, RefreshToken = response.RefreshToken! };
    }
}

/// <summary>A signed-in test user.</summary>
public sealed record SignedIn(JsonApiClient Client, string UserName, string Email, string Password, string UserId, string BearerToken, string RefreshToken);

public sealed class SqliteAuthHost() : AuthHost(new SqliteTestDatabase());

public sealed class PostgreSqlAuthHost() : AuthHost(new PostgreSqlTestDatabase());

[CollectionDefinition(Name)]
public sealed class SqliteCollection : ICollectionFixture<SqliteAuthHost>
{
    public const string Name = "Auth on SQLite";
}

[CollectionDefinition(Name)]
public sealed class PostgreSqlCollection : ICollectionFixture<PostgreSqlAuthHost>
{
    public const string Name = "Auth on PostgreSQL";
}

public static class SignedInExtensions
{
    /// <summary>The session id (<c>sid</c>) inside the user's access token.</summary>
    public static string SessionIdOf(this SignedIn user) => Jwt.Claim(user.BearerToken, "sid")!;
}
