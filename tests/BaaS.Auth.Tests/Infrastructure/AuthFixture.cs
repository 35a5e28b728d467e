using System.Security.Cryptography;
using BaaS.Auth.Tests.Fixtures;
using BaaS.Client;
using BaaS.Data;
using Microsoft.Extensions.DependencyInjection;

namespace BaaS.Auth.Tests.Infrastructure;

/// <summary>
/// A test server with the auth feature over its own database (the auth migrations applied), a test clock, a capturing
/// email sender, the fake OAuth provider configured as "github" (GitHub's API shape) and "fakeoidc" / "google"
/// (OpenID Connect), and a first-run administrator from configuration.
/// </summary>
public abstract class AuthFixture(TestDatabaseKind kind) : TestServerFixture
{
    public const string AdminEmail = "admin@auth-tests.local";

    private int _counter;

    public TestClock Clock { get; } = new();

    public CapturingEmailSender Emails { get; } = new();

    public FakeOAuthProvider Provider { get; private set; } = null!;

    /// <summary>The app's connection factory.</summary>
    public DbConnectionFactory Db => Server.Db;

    public string JwtSecret { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public string AdminPassword { get; } = "Adm1n-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8));

    protected virtual string EnvironmentName => "Development";

    /// <summary>Options a derived fixture changes after the defaults.</summary>
    protected virtual void Configure(AuthOptions options) { }

    protected override async Task BeforeStartAsync() => Provider = await FakeOAuthProvider.StartAsync();

    protected override async ValueTask AfterStopAsync()
    {
        if (Provider is not null) await Provider.DisposeAsync();
    }

    protected override void Configure(TestServerOptions options)
    {
        options.EnvironmentName = EnvironmentName;
        options.Dialect = kind;
        options.DatabasePrefix = "auth_tests";
        options.PrepareDatabase = async factory =>
        {
            await new Migrator(factory, AuthMigrations.Types).RunAsync();
            await using var db = await factory.OpenAsync();
            await db.CreateTableAsync<OwnedNote>();
        };
        options.BaaS += o => o.ServiceName = "AuthTests";
        options.ServiceTypes.AddRange([typeof(ProtectedServices), typeof(Docs.MyOrderServices)]);
        options.ConfigureServices += services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IEmailSender>(Emails);
            services.AddAutoQuery(o => o.Types.AddRange(
                [typeof(CreateOwnedNote), typeof(QueryOwnedNotes), typeof(QueryOwnedNotesEither), typeof(PatchOwnedNote), typeof(DeleteOwnedNote)]));
            services.AddBaaSAuth(null, ConfigureAuth);
            services.AddBaaSOpenApi();
        };
    }

    private void ConfigureAuth(AuthOptions o)
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
    }

    /// <summary>A unique user name for a test.</summary>
    public string NewUserName(string prefix = "user") => $"{prefix}{Interlocked.Increment(ref _counter)}-{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>A raw client: no redirects followed, cookies kept when asked.</summary>
    public HttpClient CreateHttp(bool cookies = false, System.Net.IPAddress? from = null) => Server.CreateHttp(followRedirects: false, cookies: cookies, from: from);

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
