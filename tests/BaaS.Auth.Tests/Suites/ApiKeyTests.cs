using System.Net;
using System.Security.Cryptography;
using System.Text;
using BaaS.Auth.Tests.Fixtures;
using BaaS.Auth.Tests.Infrastructure;
using BaaS.Data;
using BaaS.Metadata;

namespace BaaS.Auth.Tests.Suites;

/// <summary>API keys: shown once, stored hashed, sent two ways, with scopes, expiry and revocation.</summary>
public abstract class ApiKeyTests(AuthFixture host)
{
    private static Dictionary<string, string> XApiKey(string key) => new() { ["X-Api-Key"] = key };

    [Fact]
    public async Task A_new_key_is_shown_once_and_stored_only_as_its_hash()
    {
        var user = await host.SignUpAsync();
        var created = await user.Client.SendAsync(new CreateUserApiKey { Name = "reporting", Scopes = ["orders:read"] });
        Assert.StartsWith("ak-", created.Key);
        Assert.Equal(35, created.Key.Length);
        Assert.Equal(created.Key[..11], created.Result.KeyHint);
        Assert.Equal(["orders:read"], created.Result.Scopes);
        Assert.Equal(user.UserId, created.Result.UserId);

        var listed = await user.Client.SendAsync(new QueryUserApiKeys());
        var info = Assert.Single(listed.Results);
        Assert.Equal(created.Result.Id, info.Id);
        Assert.Equal(1, listed.Total);

        using var http = host.CreateHttp();
        using var raw = await http.SendAsync(HttpMethod.Get, "/api/QueryUserApiKeys", bearer: user.BearerToken);
        Assert.DoesNotContain(created.Key, await raw.Content.ReadAsStringAsync());

        await using var db = await host.Db.OpenAsync();
        var id = created.Result.Id;
        var row = await db.SingleByIdAsync<BaaSApiKey>(id);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(created.Key))), row!.KeyHash);
    }

    [Fact]
    public async Task A_key_works_as_a_bearer_token_or_in_the_X_Api_Key_header_and_acts_for_its_user()
    {
        var user = await host.SignUpAsync();
        var created = await user.Client.SendAsync(new CreateUserApiKey { Name = "ci", Scopes = ["orders:read"] });
        using var http = host.CreateHttp();
        using var bearer = await http.SendAsync(HttpMethod.Get, "/api/ReadMyOrders", bearer: created.Key);
        var me = await bearer.JsonAsync();
        Assert.Equal(user.UserName, me.GetProperty("userName").GetString());
        Assert.Equal(created.Result.Id, me.GetProperty("apiKeyId").GetInt64());
        Assert.Equal("Customer", me.GetProperty("roles")[0].GetString());
        using var header = await http.SendAsync(HttpMethod.Get, "/api/ExportOrders", headers: XApiKey(created.Key));
        Assert.Equal(HttpStatusCode.OK, header.StatusCode);
    }

    [Fact]
    public async Task Scopes_decide_which_key_operations_a_key_may_call()
    {
        var user = await host.SignUpAsync();
        var noScopes = await user.Client.SendAsync(new CreateUserApiKey { Name = "plain" });
        using var http = host.CreateHttp();
        using var missing = await http.SendAsync(HttpMethod.Get, "/api/ExportOrders", bearer: noScopes.Key);
        Assert.Equal("MissingScope", (await missing.ErrorAsync(HttpStatusCode.Forbidden)).Code());
        using var any = await http.SendAsync(HttpMethod.Get, "/api/AnyApiKey", bearer: noScopes.Key);
        Assert.Equal(HttpStatusCode.OK, any.StatusCode);
    }

    [Fact]
    public async Task Key_operations_refuse_callers_without_a_key_but_admit_administrators()
    {
        var user = await host.SignUpAsync();
        var withoutKey = await user.Client.ApiAsync(new ExportOrders());
        Assert.Equal((401, "ApiKeyRequired"), (withoutKey.StatusCode, withoutKey.ErrorCode));
        using var http = host.CreateHttp();
        using var anonymous = await http.SendAsync(HttpMethod.Get, "/api/ExportOrders");
        Assert.Equal("ApiKeyRequired", (await anonymous.ErrorAsync(HttpStatusCode.Unauthorized)).Code());
        using var admin = await host.AdminAsync();
        Assert.True((await admin.ApiAsync(new ExportOrders())).Succeeded);
    }

    [Fact]
    public async Task Users_give_their_keys_only_user_scopes_and_administrators_any_scope()
    {
        var user = await host.SignUpAsync();
        var refused = await user.Client.ApiAsync(new CreateUserApiKey { Name = "write", Scopes = ["orders:write"] });
        Assert.Equal((400, "UnknownScope", "Scopes"), (refused.StatusCode, refused.ErrorCode, refused.FieldErrors.Single().FieldName));
        using var admin = await host.AdminAsync();
        var granted = await admin.SendAsync(new AdminCreateApiKey { UserId = user.UserId, Name = "write", Scopes = ["orders:write", "orders:read"] });
        Assert.Equal(["orders:write", "orders:read"], granted.Result.Scopes);
        Assert.Equal(user.UserName, granted.Result.UserName);
        var unknown = await admin.ApiAsync(new AdminCreateApiKey { UserId = user.UserId, Name = "x", Scopes = ["everything"] });
        Assert.Equal(("Scopes", 400), (unknown.FieldErrors.Single().FieldName, unknown.StatusCode));
        var noUser = await admin.ApiAsync(new AdminCreateApiKey { UserId = Guid.NewGuid().ToString(), Name = "x" });
        Assert.Equal(404, noUser.StatusCode);
        var badId = await admin.ApiAsync(new AdminCreateApiKey { UserId = "nope", Name = "x" });
        Assert.Equal(("UserId", 400), (badId.FieldErrors.Single().FieldName, badId.StatusCode));
    }

    [Fact]
    public async Task An_expired_key_is_refused_with_401()
    {
        var user = await host.SignUpAsync();
        var created = await user.Client.SendAsync(new CreateUserApiKey { Name = "short", ExpiresAt = host.Clock.GetUtcNow().UtcDateTime.AddHours(1) });
        using var http = host.CreateHttp();
        using (var fresh = await http.SendAsync(HttpMethod.Get, "/api/AnyApiKey", bearer: created.Key))
            Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        using (host.Clock.Advance(TimeSpan.FromHours(2)))
        {
            using var expired = await http.SendAsync(HttpMethod.Get, "/api/AnyApiKey", bearer: created.Key);
            Assert.Equal("ApiKeyExpired", (await expired.ErrorAsync(HttpStatusCode.Unauthorized)).Code());
            using var member = await http.SendAsync(HttpMethod.Get, "/api/MembersOnly", bearer: created.Key);
            Assert.Equal("ApiKeyExpired", (await member.ErrorAsync(HttpStatusCode.Unauthorized)).Code());
        }
    }

    [Fact]
    public async Task A_revoked_key_stops_working_at_once_and_others_keys_cannot_be_revoked()
    {
        var user = await host.SignUpAsync();
        var other = await host.SignUpAsync();
        var created = await user.Client.SendAsync(new CreateUserApiKey { Name = "to revoke" });
        var notMine = await other.Client.ApiAsync(new RevokeUserApiKey { Id = created.Result.Id });
        Assert.Equal(404, notMine.StatusCode);
        using var http = host.CreateHttp();
        using (var before = await http.SendAsync(HttpMethod.Get, "/api/AnyApiKey", headers: XApiKey(created.Key)))
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        await user.Client.SendAsync(new RevokeUserApiKey { Id = created.Result.Id });
        using var after = await http.SendAsync(HttpMethod.Get, "/api/AnyApiKey", headers: XApiKey(created.Key));
        Assert.Equal("ApiKeyRevoked", (await after.ErrorAsync(HttpStatusCode.Unauthorized)).Code());
        var listed = await user.Client.SendAsync(new QueryUserApiKeys());
        Assert.NotNull(listed.Results.Single().RevokedAt);
    }

    [Fact]
    public async Task Administrators_list_and_revoke_any_key()
    {
        var user = await host.SignUpAsync();
        var created = await user.Client.SendAsync(new CreateUserApiKey { Name = "admin will revoke" });
        using var admin = await host.AdminAsync();
        var listed = await admin.SendAsync(new AdminQueryApiKeys { UserId = user.UserId });
        Assert.Equal(created.Result.Id, listed.Results.Single().Id);
        await admin.SendAsync(new AdminRevokeApiKey { Id = created.Result.Id });
        using var http = host.CreateHttp();
        using var response = await http.SendAsync(HttpMethod.Get, "/api/AnyApiKey", bearer: created.Key);
        await response.ErrorAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(403, (await user.Client.ApiAsync(new AdminQueryApiKeys())).StatusCode);
    }

    [Fact]
    public async Task Administrators_list_every_users_keys_newest_first_with_their_owners()
    {
        var first = await host.SignUpAsync();
        var second = await host.SignUpAsync();
        var older = await first.Client.SendAsync(new CreateUserApiKey { Name = "first's key" });
        var newer = await second.Client.SendAsync(new CreateUserApiKey { Name = "second's key" });
        using var admin = await host.AdminAsync();

        var all = await admin.SendAsync(new AdminQueryApiKeys { Take = 100 });

        Assert.True(all.Total >= 2);
        Assert.Equal([newer.Result.Id, older.Result.Id], all.Results.Take(2).Select(k => k.Id));
        Assert.Equal([(second.UserId, second.UserName), (first.UserId, first.UserName)], all.Results.Take(2).Select(k => (k.UserId, k.UserName)));
        Assert.Equal(all.Results.Select(k => k.Id).OrderDescending(), all.Results.Select(k => k.Id));
    }

    [Theory]
    [InlineData("""{"scopes":[]}""", "Name")]
    [InlineData("""{"name":"   "}""", "Name")]
    [InlineData("""{"name":"past","expiresAt":"2001-01-01T00:00:00Z"}""", "ExpiresAt")]
    [InlineData("""{"name":"bad scope","scopes":["admin"]}""", "Scopes")]
    public async Task Creating_a_key_with_bad_input_is_400_naming_the_field(string body, string field)
    {
        var user = await host.SignUpAsync();
        using var http = host.CreateHttp();
        using var response = await http.SendAsync(HttpMethod.Post, "/api/CreateUserApiKey", body, bearer: user.BearerToken);
        Assert.Equal(field, (await response.ErrorAsync(HttpStatusCode.BadRequest)).FieldOf());
        Assert.Empty((await user.Client.SendAsync(new QueryUserApiKeys())).Results);
    }

    [Fact]
    public async Task A_key_cannot_mint_more_keys_and_a_made_up_key_is_refused()
    {
        var user = await host.SignUpAsync();
        var created = await user.Client.SendAsync(new CreateUserApiKey { Name = "limited" });
        using var http = host.CreateHttp();
        using var mint = await http.SendAsync(HttpMethod.Post, "/api/CreateUserApiKey", """{"name":"child"}""", bearer: created.Key);
        Assert.Equal("ApiKeyNotAllowed", (await mint.ErrorAsync(HttpStatusCode.Forbidden)).Code());
        var forged = "ak-" + created.Key[3..^1] + (created.Key[^1] == 'A' ? 'B' : 'A');
        using var bad = await http.SendAsync(HttpMethod.Get, "/api/AnyApiKey", headers: XApiKey(forged));
        Assert.Equal("InvalidApiKey", (await bad.ErrorAsync(HttpStatusCode.Unauthorized)).Code());
    }

    [Fact]
    public async Task The_key_of_a_locked_user_is_refused()
    {
        var user = await host.SignUpAsync();
        var created = await user.Client.SendAsync(new CreateUserApiKey { Name = "locked" });
        using var admin = await host.AdminAsync();
        await admin.SendAsync(new AdminUpdateUser { Id = user.UserId, LockUntil = DateTime.UtcNow.AddHours(1) });
        using var http = host.CreateHttp();
        using var response = await http.SendAsync(HttpMethod.Get, "/api/AnyApiKey", bearer: created.Key);
        Assert.Equal("AccountLocked", (await response.ErrorAsync(HttpStatusCode.Unauthorized)).Code());
    }

    [Fact]
    public async Task Metadata_and_openapi_show_which_operations_need_a_key_and_which_scope()
    {
        using var client = host.CreateClient();
        var metadata = await client.SendAsync<AppMetadata>("GET", "/metadata/app.json");
        var ops = metadata.Api.Operations.ToDictionary(o => o.Request.Name);
        var attribute = Assert.Single(ops[nameof(ExportOrders)].Request.Attributes!);
        Assert.Equal("ValidateApiKey", attribute.Name);
        Assert.Equal("orders:read", attribute.Args!.Single(a => a.Name == "Scope").Value);
        Assert.Equal("ValidateApiKey", Assert.Single(ops[nameof(AnyApiKey)].Request.Attributes!).Name);
        Assert.True(ops[nameof(ExportOrders)].RequiresApiKey);
        Assert.Equal(["orders:read"], ops[nameof(ExportOrders)].RequiredApiKeyScopes);
        Assert.True(ops[nameof(AnyApiKey)].RequiresApiKey);
        Assert.Null(ops[nameof(AnyApiKey)].RequiredApiKeyScopes);
        Assert.Null(ops[nameof(WhoAmI)].RequiresApiKey);
        Assert.Equal(["Admin"], ops[nameof(AdminQueryUsers)].RequiredRoles);
        Assert.True(ops[nameof(CreateUserApiKey)].RequiresAuth);
        Assert.False(ops[nameof(Authenticate)].RequiresAuth);

        var openApi = System.Text.Json.Nodes.JsonNode.Parse(await client.SendAsync<string>("GET", "/openapi.json"))!;
        var export = openApi["paths"]!["/api/ExportOrders"]!["get"]!;
        var security = Assert.Single(export["security"]!.AsArray());
        Assert.Equal("orders:read", security!.AsObject().Single().Value!.AsArray().Single()!.GetValue<string>());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteApiKeyTests(SqliteAuthFixture host) : ApiKeyTests(host);

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlApiKeyTests(PostgreSqlAuthFixture host) : ApiKeyTests(host);
