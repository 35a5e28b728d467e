using System.Net;
using BaaS;
using BaaS.Auth;
using BaaS.Client;
using BaaS.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MyApp.ServiceInterface;
using MyApp.ServiceModel;

namespace MyApp.Tests;

/// <summary>
/// The demo data a newcomer starts with: users printed once with generated passwords, restaurants seeded once, and
/// <c>--seed</c> to reset them. Each test starts MyApp on a database of its own, with no configured admin (so the demo
/// admin is made too).
/// </summary>
public abstract class DemoDataTests(bool postgres) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private readonly List<TestServer> _servers = [];

    public async Task InitializeAsync() =>
        _database = await TestDatabase.CreateAsync(postgres ? TestDatabaseKind.PostgreSql : TestDatabaseKind.SqliteFile, "myapp_demo");

    public async Task DisposeAsync()
    {
        foreach (var server in _servers) await server.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task<(WebApplication App, StringWriter Output, string BaseUrl)> StartAsync()
    {
        var output = new StringWriter();
        var server = await MyAppTestServer.StartAsync(_database, output, adminEmail: null, adminPassword: null);
        _servers.Add(server);
        return (server.App, output, server.BaseUrl);
    }

    private static async Task<int> SeedCommandAsync(WebApplication app, params string[] args)
    {
        var command = app.Services.GetServices<AppCommand>().Single(c => c.Name == "--seed");
        await using var scope = app.Services.CreateAsyncScope();
        return await command.Run(scope.ServiceProvider, args, CancellationToken.None);
    }

    private static async Task<ApiResult<AuthenticateResponse>> SignInAsync(string baseUrl, string email, string password)
    {
        using var client = new JsonApiClient(baseUrl);
        return await client.ApiAsync(new Authenticate { Provider = "credentials", UserName = email, Password = password });
    }

    private static async Task<JsonApiClient> ClientAsync(string baseUrl, string email, string password) =>
        new(baseUrl) { BearerToken = (await SignInAsync(baseUrl, email, password)).Response!.BearerToken };

    [Fact]
    public async Task First_start_prints_each_demo_users_password_once_and_a_restart_adds_nothing()
    {
        var (_, output, baseUrl) = await StartAsync();
        var passwords = MyAppTestServer.PrintedPasswords(output.ToString());
        Assert.Equal(DemoSeeder.Accounts.Select(a => a.Email).Order(), passwords.Keys.Order());
        foreach (var account in DemoSeeder.Accounts)
        {
            var signedIn = await SignInAsync(baseUrl, account.Email, passwords[account.Email]);
            Assert.True(signedIn.Succeeded, $"{account.Email}: {signedIn.ErrorMessage}");
            Assert.Contains(account.Role, signedIn.Response!.Roles!);
        }
        Assert.Equal(passwords.Count, passwords.Values.Distinct().Count());
        Assert.All(passwords.Values, p => Assert.True(p.Length >= 16));

        using var anonymous = new JsonApiClient(baseUrl);
        var restaurants = (await anonymous.SendAsync(new QueryRestaurants())).Results;
        Assert.Equal(["Thai Palace", "Napoli Express"], restaurants.Select(r => r.Name)); // Tokyo Table is closed
        Assert.Equal(4.5m, restaurants[0].Rating);
        Assert.Equal(4, (await anonymous.SendAsync(new QueryReviews())).Results.Count);

        // A second start on the same database: nothing new, nothing printed.
        var (_, again, _) = await StartAsync();
        Assert.Equal("", again.ToString());
        using var owner = await ClientAsync(baseUrl, DemoSeeder.EmailOf(Roles.Owner), passwords[DemoSeeder.EmailOf(Roles.Owner)]);
        Assert.Equal(3, (await owner.SendAsync(new QueryMyRestaurants())).Results.Count);
        using var admin = await ClientAsync(baseUrl, DemoSeeder.EmailOf(Roles.Admin), passwords[DemoSeeder.EmailOf(Roles.Admin)]);
        Assert.Equal(4, (await admin.SendAsync(new AdminQueryUsers())).Results.Count);
        Assert.Equal(4, (await admin.SendAsync(new AdminQueryOrders())).Results.Count);
    }

    [Fact]
    public async Task Seed_command_resets_the_demo_restaurants_and_leaves_the_users_and_other_owners_alone()
    {
        var (app, output, baseUrl) = await StartAsync();
        var passwords = MyAppTestServer.PrintedPasswords(output.ToString());
        using var owner = await ClientAsync(baseUrl, DemoSeeder.EmailOf(Roles.Owner), passwords[DemoSeeder.EmailOf(Roles.Owner)]);
        using var customer = await ClientAsync(baseUrl, DemoSeeder.EmailOf(Roles.Customer), passwords[DemoSeeder.EmailOf(Roles.Customer)]);
        using var admin = await ClientAsync(baseUrl, DemoSeeder.EmailOf(Roles.Admin), passwords[DemoSeeder.EmailOf(Roles.Admin)]);

        var napoli = (await owner.SendAsync(new QueryMyRestaurants { NameContains = "Napoli" })).Results.Single();
        await owner.SendAsync(new PatchRestaurant { Id = napoli.Id, Name = "Renamed", IsOpen = false });
        var menu = (await customer.SendAsync(new QueryMenuItems { RestaurantId = 1 })).Results;
        await customer.SendAsync(new PlaceOrder { RestaurantId = 1, Items = [new() { MenuItemId = menu[0].Id }] });
        await customer.SendAsync(new PatchMyProfile { Id = (await customer.SendAsync(new QueryMyProfile())).Results.Single().Id, DefaultAddress = "Elsewhere" });
        var otherOwnerEmail = "another-owner@tests.example";
        var otherOwnersPassword = MyAppTestServer.NewPassword();
        await admin.SendAsync(new AdminCreateUser { Email = otherOwnerEmail, Password = otherOwnersPassword, Roles = [Roles.Owner] });
        using var otherOwner = await ClientAsync(baseUrl, otherOwnerEmail, otherOwnersPassword);
        var kept = int.Parse((await otherOwner.SendAsync(new CreateRestaurant { Name = "Not demo", IsOpen = true })).Id!);

        Assert.Equal(0, await SeedCommandAsync(app));
        Assert.DoesNotContain(MyAppTestServer.PrintedPasswords(output.ToString()), p => p.Value != passwords[p.Key]);

        var demo = (await owner.SendAsync(new QueryMyRestaurants())).Results;
        Assert.Equal(["Napoli Express", "Thai Palace", "Tokyo Table"], demo.Select(r => r.Name).Order());
        Assert.DoesNotContain(demo, r => r.Id == napoli.Id); // replaced, not patched back
        Assert.Equal(4, (await admin.SendAsync(new AdminQueryOrders())).Results.Count); // the demo history only
        Assert.Equal("1 Elm Street", (await customer.SendAsync(new QueryMyProfile())).Results.Single().DefaultAddress);
        Assert.Single((await otherOwner.SendAsync(new QueryMyRestaurants { Id = kept })).Results);
        Assert.True((await SignInAsync(baseUrl, DemoSeeder.EmailOf(Roles.Courier), passwords[DemoSeeder.EmailOf(Roles.Courier)])).Succeeded);

        Assert.Equal(2, await SeedCommandAsync(app, "--everything"));
    }

    [Fact]
    public async Task Seed_command_recreates_a_missing_demo_user_and_new_passwords_renews_every_one()
    {
        var (app, output, baseUrl) = await StartAsync();
        var first = MyAppTestServer.PrintedPasswords(output.ToString());
        var adminEmail = DemoSeeder.EmailOf(Roles.Admin);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<BaaSUser>>();
            Assert.True((await users.DeleteAsync((await users.FindByEmailAsync(adminEmail))!)).Succeeded);
        }
        Assert.Equal(401, (await SignInAsync(baseUrl, adminEmail, first[adminEmail])).StatusCode);

        var before = output.ToString().Length;
        Assert.Equal(0, await SeedCommandAsync(app));
        var recreated = MyAppTestServer.PrintedPasswords(output.ToString()[before..]);
        Assert.Equal([adminEmail], recreated.Keys);
        Assert.NotEqual(first[adminEmail], recreated[adminEmail]);
        Assert.True((await SignInAsync(baseUrl, adminEmail, recreated[adminEmail])).Succeeded);
        Assert.True((await SignInAsync(baseUrl, DemoSeeder.EmailOf(Roles.Customer), first[DemoSeeder.EmailOf(Roles.Customer)])).Succeeded);

        before = output.ToString().Length;
        Assert.Equal(0, await SeedCommandAsync(app, "--new-passwords"));
        var renewed = MyAppTestServer.PrintedPasswords(output.ToString()[before..]);
        Assert.Equal(DemoSeeder.Accounts.Select(a => a.Email).Order(), renewed.Keys.Order());
        foreach (var account in DemoSeeder.Accounts.Where(a => a.Role != Roles.Admin))
        {
            Assert.Equal(401, (await SignInAsync(baseUrl, account.Email, first[account.Email])).StatusCode);
            Assert.True((await SignInAsync(baseUrl, account.Email, renewed[account.Email])).Succeeded);
        }
    }
}

public class SqliteDemoDataTests() : DemoDataTests(postgres: false);

public class PostgreSqlDemoDataTests() : DemoDataTests(postgres: true);
