using BaaS;
using BaaS.Client;
using MyApp.ServiceModel;

namespace MyApp.Tests;

/// <summary>
/// MyApp (<see cref="MyAppTestServer"/>) over a database of its own, shared by the behaviour suites. The first administrator
/// comes from configuration (a password generated per run); it makes two users per role with AdminCreateUser. The demo
/// users' passwords, printed at startup, are captured in <see cref="DemoOutput"/>.
/// </summary>
public abstract class MyAppFixture(TestDatabaseKind kind) : TestServerFixture
{
    private readonly string _adminEmail = $"admin-{Guid.NewGuid():N}"[..16] + "@tests.example";
    private readonly string _adminPassword = MyAppTestServer.NewPassword();

    /// <summary>What the app printed for people (the demo users' credentials).</summary>
    public StringWriter DemoOutput { get; } = new();

    public TestUser Admin { get; private set; } = null!;
    public TestUser Customer { get; private set; } = null!;
    public TestUser OtherCustomer { get; private set; } = null!;
    public TestUser Owner { get; private set; } = null!;
    public TestUser OtherOwner { get; private set; } = null!;
    public TestUser Courier { get; private set; } = null!;
    public TestUser OtherCourier { get; private set; } = null!;

    /// <summary>The folder of the app's local file store (<c>Files:LocalPath</c>), one per fixture, removed when it stops.</summary>
    public string FilesPath { get; } = Path.Combine(Path.GetTempPath(), "myapp-tests-files", Guid.NewGuid().ToString("N"));

    /// <summary>The app's connection string (to start a second instance on the same database).</summary>
    public string ConnectionString => Server.Database!.ConnectionString;

    /// <summary>A client signed in as <paramref name="user"/>.</summary>
    public JsonApiClient As(TestUser user) => new(BaseUrl) { BearerToken = user.Token };

    public HttpClient CreateHttp() => Server.CreateHttp();

    public static string NewPassword() => MyAppTestServer.NewPassword();

    protected override void Configure(TestServerOptions options)
    {
        options.Dialect = kind;
        options.DatabasePrefix = "myapp_tests";
        MyAppTestServer.Configure(options, DemoOutput, _adminEmail, _adminPassword);
        options.Configuration["Files:LocalPath"] = FilesPath;
    }

    protected override ValueTask AfterStopAsync()
    {
        if (Directory.Exists(FilesPath)) Directory.Delete(FilesPath, recursive: true);
        return ValueTask.CompletedTask;
    }

    protected override async Task AfterStartAsync()
    {
        Admin = await SignInAsync(_adminEmail, _adminPassword);
        var users = await Task.WhenAll(
            CreateUserAsync(Roles.Customer), CreateUserAsync(Roles.Customer), CreateUserAsync(Roles.Owner),
            CreateUserAsync(Roles.Owner), CreateUserAsync(Roles.Courier), CreateUserAsync(Roles.Courier));
        (Customer, OtherCustomer, Owner, OtherOwner, Courier, OtherCourier) = (users[0], users[1], users[2], users[3], users[4], users[5]);
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
    public Dictionary<string, string> DemoPasswords() => MyAppTestServer.PrintedPasswords(DemoOutput.ToString());
}
