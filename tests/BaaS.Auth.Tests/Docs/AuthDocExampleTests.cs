using BaaS.Auth.Tests.Infrastructure;
using BaaS.Auth.Tests.Suites;
using BaaS.Client;
using BaaS.Data;
using Microsoft.Extensions.DependencyInjection;

namespace BaaS.Auth.Tests.Docs;

/// <summary>Runs every C# example of docs/auth.md.</summary>
[Collection(SqliteCollection.Name)]
public class AuthDocExampleTests(SqliteAuthFixture host)
{
    [Fact]
    public async Task Register_sign_in_refresh_and_sign_out_as_the_docs_show()
    {
        var baseUrl = host.BaseUrl;
        var email = host.NewUserName("ann") + "@example.com";
        var password = "a long password";
        using (var client = new JsonApiClient(baseUrl))
        {
            #region snippet:auth-register
            var registered = await client.SendAsync(new Register
            {
                Email = email, Password = password, DisplayName = "Ann", AutoLogin = true,
            });
            #endregion
            Assert.Equal(["Customer"], registered.Roles);
        }

        #region snippet:auth-client
        using var client2 = new JsonApiClient(baseUrl);
        var auth = await client2.SendAsync(new Authenticate { Provider = "credentials", UserName = email, Password = password });
        client2.BearerToken = auth.BearerToken;       // (the client's cookie jar also holds ss-tok / ss-reftok)
        var me = await client2.SendAsync(new GetMyOrders());

        // When the access token expires (15 minutes): trade the refresh token, and keep the new one: the old one is spent.
        var refreshed = await client2.SendAsync(new GetAccessToken { RefreshToken = auth.RefreshToken });
        client2.BearerToken = refreshed.AccessToken;
        var nextRefreshToken = refreshed.RefreshToken;

        await client2.SendAsync(new Authenticate { Provider = "logout" });   // ends the session everywhere it is used
        #endregion
        Assert.Equal(email, me.UserName);
        Assert.NotEqual(auth.RefreshToken, nextRefreshToken);
        Assert.Equal(401, (await client2.ApiAsync(new GetAccessToken { RefreshToken = nextRefreshToken })).StatusCode);
    }

    [Fact]
    public async Task Api_keys_as_the_docs_show()
    {
        var baseUrl = host.BaseUrl;
        var user = await host.SignUpAsync();
        var client = user.Client;
        #region snippet:auth-api-key
        var created = await client.SendAsync(new CreateUserApiKey { Name = "nightly export", Scopes = ["orders:read"] });
        string key = created.Key;                        // shown once: store it now; only its hash is kept

        using var machine = new JsonApiClient(baseUrl) { BearerToken = key };   // or Headers = { ["X-Api-Key"] = key }
        var export = await machine.SendAsync(new ExportOrdersCsv());
        #endregion
        Assert.True(export.ViaApiKey);
        Assert.Equal(user.UserName, export.UserName);
    }

    [Fact]
    public async Task The_protected_DTOs_answer_401_and_403_as_the_docs_say()
    {
        var user = await host.SignUpAsync();
        using var anonymous = host.CreateClient();
        Assert.Equal(401, (await anonymous.ApiAsync(new GetMyOrders())).StatusCode);
        Assert.Equal(403, (await user.Client.ApiAsync(new UpdateMenu { RestaurantId = 1 })).StatusCode);
        Assert.Equal(403, (await user.Client.ApiAsync(new RefundPayment { OrderId = 1 })).StatusCode);
        Assert.Equal(401, (await user.Client.ApiAsync(new ExportOrdersCsv())).StatusCode);
        var owner = await host.WithRolesAsync(user, ["Owner"]);
        Assert.True((await owner.Client.SendAsync(new GetMyOrders())).IsOwner);
        Assert.True((await owner.Client.ApiAsync(new UpdateMenu { RestaurantId = 1 })).Succeeded);
    }

    [Fact]
    public async Task Admin_examples_as_the_docs_show()
    {
        var target = await host.SignUpAsync("docsadmin");
        using var admin = await host.AdminAsync();
        #region snippet:auth-admin
        var page = await admin.SendAsync(new AdminQueryUsers { Search = "docsadmin", OrderBy = "-createdAt", Take = 20 });
        var user = page.Results[0];
        await admin.SendAsync(new AdminUpdateUser { Id = user.Id, AddRoles = ["Owner"], AddPermissions = ["menu.edit"] });
        await admin.SendAsync(new AdminUpdateUser { Id = user.Id, SignOutEverywhere = true });   // ends their sessions, changes nothing else
        await admin.SendAsync(new AdminUpdateUser { Id = user.Id, LockUntil = DateTime.UtcNow.AddDays(1) });   // also ends their sessions
        #endregion
        var after = (await admin.SendAsync(new AdminGetUser { Id = target.UserId })).Result;
        Assert.Equal((1, target.UserId), (page.Total, user.Id));
        Assert.Contains("Owner", after.Roles);
        Assert.NotNull(after.LockedUntil);
        Assert.Equal(401, (await target.Client.ApiAsync(new GetAccessToken { RefreshToken = target.RefreshToken })).StatusCode);
    }

    [Fact]
    public async Task The_outbox_email_sender_keeps_the_auth_emails()
    {
        await using var mini = await MiniServer.StartAsync("Development", new() { ["Auth:Jwt:Secret"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)) },
            services: services =>
            {
                #region snippet:auth-email-register
                services.AddSingleton<IEmailSender, OutboxEmailSender>();
                #endregion
            });
        await using (var db = await mini.Db.OpenAsync()) await db.CreateTableIfNotExistsAsync<OutboxEmail>();
        using var client = new JsonApiClient(mini.BaseUrl);
        await client.SendAsync(new Register { Email = "outbox@example.com", Password = "a long password" });
        await client.SendAsync(new ForgotPassword { Email = "outbox@example.com" });
        await using var check = await mini.Db.OpenAsync();
        var kinds = (await check.SelectAsync<OutboxEmail>()).OrderBy(e => e.Id).Select(e => e.Kind);
        Assert.Equal(["confirm-email", "reset-password"], kinds);
    }

    [Fact]
    public async Task The_migrator_runs_the_auth_tables_before_the_apps()
    {
        var database = SqliteFileTestDatabase.Create("auth_tests");
        using var dbFactory = database.CreateFactory();
        var ct = CancellationToken.None;
        try
        {
            #region snippet:auth-migrator
            var migrator = new Migrator(dbFactory, AuthMigrations.With(typeof(Migration0001_CreateShops).Assembly));
            await migrator.RunAsync(ct);   // Migration0000_CreateAuthTables first, then the app's own
            #endregion
            Assert.Equal(["Migration0000_CreateAuthTables", "Migration0001_CreateShops"], (await migrator.GetStatusAsync(ct)).Select(s => s.Name));
        }
        finally
        {
            dbFactory.Dispose();
            await database.DisposeAsync();
        }
    }
}
