using System.Net;
using BaaS.Auth.Tests.Fixtures;
using BaaS.Auth.Tests.Infrastructure;
using BaaS.Metadata;

namespace BaaS.Auth.Tests.Suites;

/// <summary>
/// A key reaches only operations that name its scopes: whatever its user may do when signed in, a key cannot manage
/// keys, users or roles, or change a password.
/// </summary>
public abstract class ApiKeyScopeTests(AuthFixture host)
{
    [Fact]
    public async Task An_administrators_key_cannot_manage_users_roles_or_keys_whatever_its_scopes()
    {
        using var admin = await host.AdminAsync();
        var me = await admin.SendAsync(new WhoAmI());
        var key = (await admin.SendAsync(new AdminCreateApiKey { UserId = me.UserId, Name = "reporting", Scopes = ["orders:read", "orders:write"] })).Key;
        var victim = await host.SignUpAsync("victim");

        using var http = host.CreateHttp();
        foreach (var (method, path, body) in new (HttpMethod, string, string?)[]
        {
            (HttpMethod.Get, "/api/AdminQueryUsers", null),
            (HttpMethod.Post, "/api/AssignRoles", $$"""{"userName":"{{victim.UserName}}","roles":["Admin"]}"""),
            (HttpMethod.Put, "/api/AdminUpdateUser", $$"""{"id":"{{victim.UserId}}","addRoles":["Admin"]}"""),
            (HttpMethod.Post, "/api/AdminCreateApiKey", $$"""{"userId":"{{me.UserId}}","name":"child","scopes":["orders:read"]}"""),
            (HttpMethod.Post, "/api/CreateUserApiKey", """{"name":"child"}"""),
            (HttpMethod.Get, "/api/AdminOnly", null),
        })
        {
            using var response = await http.SendAsync(method, path, body, bearer: key);
            Assert.Equal("ApiKeyNotAllowed", (await response.ErrorAsync(HttpStatusCode.Forbidden)).Code());
        }

        // Nothing changed: the victim is still a plain customer, and the admin still has exactly one key.
        using var victimSession = await http.SendAsync(HttpMethod.Get, "/api/MembersOnly", bearer: victim.BearerToken);
        Assert.DoesNotContain("Admin", (await victimSession.JsonAsync()).GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Single((await admin.SendAsync(new AdminQueryApiKeys { UserId = me.UserId })).Results);

        // What the scopes name still works, acting for the administrator.
        using var allowed = await http.SendAsync(HttpMethod.Get, "/api/ReadMyOrders", bearer: key);
        Assert.Equal(me.UserId, (await allowed.JsonAsync()).GetProperty("userId").GetString());
    }

    [Fact]
    public async Task A_users_read_key_reaches_only_operations_naming_its_scope()
    {
        var user = await host.SignUpAsync();
        var key = (await user.Client.SendAsync(new CreateUserApiKey { Name = "reader", Scopes = ["orders:read"] })).Key;
        using var http = host.CreateHttp();

        using var read = await http.SendAsync(HttpMethod.Get, "/api/ReadMyOrders", bearer: key);
        Assert.Equal(user.UserName, (await read.JsonAsync()).GetProperty("userName").GetString());

        using var write = await http.SendAsync(HttpMethod.Post, "/api/WriteMyOrders", "{}", bearer: key);
        Assert.Equal("MissingScope", (await write.ErrorAsync(HttpStatusCode.Forbidden)).Code());

        using var members = await http.SendAsync(HttpMethod.Get, "/api/MembersOnly", bearer: key);
        Assert.Equal("ApiKeyNotAllowed", (await members.ErrorAsync(HttpStatusCode.Forbidden)).Code());

        using var password = await http.SendAsync(HttpMethod.Post, "/api/ChangePassword",
            $$"""{"currentPassword":"{{user.Password}}","newPassword":"Stolen-123456"}""", bearer: key);
        Assert.Equal("ApiKeyNotAllowed", (await password.ErrorAsync(HttpStatusCode.Forbidden)).Code());
        // The password did not change: the old one still signs in.
        using var client = host.CreateClient();
        Assert.NotNull((await client.SendAsync(new Authenticate { Provider = "credentials", UserName = user.UserName, Password = user.Password })).BearerToken);

        // Operations anyone may call stay open to keys.
        using var open = await http.SendAsync(HttpMethod.Get, "/api/WhoAmI", bearer: key);
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
    }

    [Fact]
    public async Task Signed_in_users_are_not_limited_by_key_scopes()
    {
        var user = await host.SignUpAsync();
        using var http = host.CreateHttp();
        foreach (var (method, path) in new[] { (HttpMethod.Get, "/api/MembersOnly"), (HttpMethod.Get, "/api/ReadMyOrders"), (HttpMethod.Post, "/api/WriteMyOrders") })
        {
            using var response = await http.SendAsync(method, path, method == HttpMethod.Post ? "{}" : null, bearer: user.BearerToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task Metadata_lists_the_scopes_a_key_needs_for_scoped_operations()
    {
        using var client = host.CreateClient();
        var metadata = await client.SendAsync<AppMetadata>("GET", "/metadata/app.json");
        var ops = metadata.Api.Operations.ToDictionary(o => o.Request.Name);
        Assert.Equal(["orders:read"], ops[nameof(ReadMyOrders)].RequiredApiKeyScopes);
        Assert.Null(ops[nameof(ReadMyOrders)].RequiresApiKey);
        Assert.True(ops[nameof(ReadMyOrders)].RequiresAuth);
        Assert.Null(ops[nameof(MembersOnly)].RequiredApiKeyScopes);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteApiKeyScopeTests(SqliteAuthFixture host) : ApiKeyScopeTests(host);

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlApiKeyScopeTests(PostgreSqlAuthFixture host) : ApiKeyScopeTests(host);
