using System.Net;
using BaaS.Auth.Tests.Infrastructure;
using BaaS.Client;
using BaaS.Data;

namespace BaaS.Auth.Tests.Suites;

/// <summary>User management for administrators: 401/403 for others, 4xx naming the field for bad input, no partial writes.</summary>
public abstract class AdminApiTests(AuthFixture host)
{
    [Fact]
    public async Task Every_admin_operation_is_403_for_non_admins_and_401_for_anonymous_callers()
    {
        var user = await host.SignUpAsync();
        using var anonymous = host.CreateClient();
        object[] requests =
        [
            new AdminQueryUsers(), new AdminGetUser { Id = user.UserId }, new AdminCreateUser { Email = "x@example.com" },
            new AdminUpdateUser { Id = user.UserId }, new AdminDeleteUser { Id = user.UserId }, new AssignRoles { UserName = user.UserName },
            new UnAssignRoles { UserName = user.UserName }, new AdminQueryApiKeys(), new AdminCreateApiKey(), new AdminRevokeApiKey { Id = 1 },
        ];
        foreach (var request in requests)
        {
            var verb = HttpVerbs.Preferred(request.GetType());
            var asUser = await Assert.ThrowsAsync<WebServiceException>(() => user.Client.SendVoidAsync(verb, request));
            Assert.Equal(403, asUser.StatusCode);
            var asAnonymous = await Assert.ThrowsAsync<WebServiceException>(() => anonymous.SendVoidAsync(verb, request));
            Assert.Equal(401, asAnonymous.StatusCode);
        }
        Assert.NotNull((await (await host.AdminAsync()).SendAsync(new AdminGetUser { Id = user.UserId })).Result);
    }

    [Fact]
    public async Task Query_users_searches_names_and_emails_and_pages()
    {
        var marker = "mk" + Guid.NewGuid().ToString("N")[..8];
        var created = new List<SignedIn>();
        for (var i = 0; i < 3; i++) created.Add(await host.SignUpAsync($"{marker}-{i}-"));
        using var admin = await host.AdminAsync();

        var all = await admin.SendAsync(new AdminQueryUsers { Search = marker.ToUpperInvariant() });
        Assert.Equal(3, all.Total);
        Assert.Equal(created.Select(c => c.UserName).Order(StringComparer.Ordinal), all.Results.Select(r => r.UserName));
        Assert.All(all.Results, r => Assert.Equal(["Customer"], r.Roles));

        var page = await admin.SendAsync(new AdminQueryUsers { Search = marker, OrderBy = "-userName", Skip = 1, Take = 1 });
        Assert.Equal((3, 1), (page.Total, page.Offset));
        Assert.Equal(created[1].UserName, Assert.Single(page.Results).UserName);

        var byEmail = await admin.SendAsync(new AdminQueryUsers { Search = created[2].Email });
        Assert.Equal(created[2].UserId, Assert.Single(byEmail.Results).Id);
        await admin.SendAsync(new AssignRoles { UserName = created[0].UserName, Roles = ["Courier"] });
        var couriers = await admin.SendAsync(new AdminQueryUsers { Search = marker, Role = "courier" });
        Assert.Equal(created[0].UserId, Assert.Single(couriers.Results).Id);
    }

    [Theory]
    [InlineData("take=0", "Take")]
    [InlineData("take=101", "Take")]
    [InlineData("skip=-1", "Skip")]
    [InlineData("orderBy=passwordHash", "OrderBy")]
    [InlineData("role=Wizard", "Role")]
    [InlineData("take=lots", "Take")]
    public async Task Query_users_with_bad_paging_order_or_role_is_400_naming_the_field(string query, string field)
    {
        using var admin = await host.AdminAsync();
        using var http = host.CreateHttp();
        using var response = await http.SendAsync(HttpMethod.Get, "/api/AdminQueryUsers?" + query, bearer: admin.BearerToken);
        Assert.Equal(field, (await response.ErrorAsync(HttpStatusCode.BadRequest)).FieldOf());
    }

    [Fact]
    public async Task Create_user_with_roles_and_permissions_who_can_then_sign_in()
    {
        using var admin = await host.AdminAsync();
        var name = host.NewUserName("owner");
        var created = await admin.SendAsync(new AdminCreateUser
        {
            UserName = name, Email = $"{name}@example.com", Password = "owner password", DisplayName = "Olive Owner",
            Roles = ["owner"], Permissions = ["orders.refund"], EmailConfirmed = true,
        });
        Assert.Equal(["Owner"], created.Result.Roles);
        Assert.Equal(["orders.refund"], created.Result.Permissions);
        Assert.True(created.Result.EmailConfirmed);
        Assert.True(created.Result.HasPassword);
        using var client = host.CreateClient();
        var session = await client.SendAsync(new Authenticate { Provider = "credentials", UserName = name, Password = "owner password" });
        Assert.Equal("Olive Owner", session.DisplayName);
        Assert.Equal(["Owner"], session.Roles);
    }

    [Theory]
    [InlineData("""{"email":"not-an-email","password":"long enough"}""", "Email", 400)]
    [InlineData("""{"email":"{name}@example.com","password":"long enough","roles":["Wizard"]}""", "Roles", 400)]
    [InlineData("""{"email":"{name}@example.com","password":"long enough","permissions":["no spaces allowed"]}""", "Permissions", 400)]
    [InlineData("""{"email":"{name}@example.com","password":"short"}""", "Password", 400)]
    [InlineData("""{"email":"{name}@example.com","userName":"bad name!","password":"long enough"}""", "UserName", 400)]
    [InlineData("""{"email":"admin@auth-tests.local","userName":"{name}","password":"long enough"}""", "Email", 409)]
    public async Task Create_user_with_bad_input_is_4xx_naming_the_field_and_writes_nothing(string body, string field, int status)
    {
        using var admin = await host.AdminAsync();
        using var http = host.CreateHttp();
        var name = host.NewUserName("bad");
        using var response = await http.SendAsync(HttpMethod.Post, "/api/AdminCreateUser", body.Replace("{name}", name, StringComparison.Ordinal), bearer: admin.BearerToken);
        Assert.Equal(field, (await response.ErrorAsync((HttpStatusCode)status)).FieldOf());
        Assert.Equal(0, (await admin.SendAsync(new AdminQueryUsers { Search = name })).Total);
    }

    [Fact]
    public async Task Update_changes_only_what_is_sent_and_roles_permissions_lock_and_password_take_effect()
    {
        var user = await host.SignUpAsync();
        using var admin = await host.AdminAsync();
        var updated = await admin.SendAsync(new AdminUpdateUser
        {
            Id = user.UserId, DisplayName = "Renamed", AddRoles = ["Owner", "Courier"], RemoveRoles = ["Customer"], AddPermissions = ["orders.refund"],
        });
        Assert.Equal("Renamed", updated.Result.DisplayName);
        Assert.Equal(user.Email, updated.Result.Email);
        Assert.Equal(["Courier", "Owner"], updated.Result.Roles);
        Assert.Equal(["orders.refund"], updated.Result.Permissions);

        var removed = await admin.SendAsync(new AdminUpdateUser { Id = user.UserId, RemovePermissions = ["orders.refund"], RemoveRoles = ["Courier"] });
        Assert.Equal(["Owner"], removed.Result.Roles);
        Assert.Empty(removed.Result.Permissions);
        Assert.Equal("Renamed", removed.Result.DisplayName);

        await admin.SendAsync(new AdminUpdateUser { Id = user.UserId, Password = "set by admin" });
        using var client = host.CreateClient();
        Assert.Equal(401, (await client.ApiAsync(new Authenticate { Provider = "credentials", UserName = user.UserName, Password = user.Password })).StatusCode);
        Assert.Equal(401, (await client.ApiAsync(new GetAccessToken { RefreshToken = user.RefreshToken })).StatusCode);
        var session = await client.SendAsync(new Authenticate { Provider = "credentials", UserName = user.UserName, Password = "set by admin" });

        var locked = await admin.SendAsync(new AdminUpdateUser { Id = user.UserId, LockUntil = DateTime.UtcNow.AddHours(1) });
        Assert.NotNull(locked.Result.LockedUntil);
        Assert.Equal((401, "AccountLocked"), await StatusAsync(client.ApiAsync(new Authenticate { Provider = "credentials", UserName = user.UserName, Password = "set by admin" })));
        Assert.Equal(401, (await client.ApiAsync(new GetAccessToken { RefreshToken = session.RefreshToken })).StatusCode);

        var unlocked = await admin.SendAsync(new AdminUpdateUser { Id = user.UserId, Unlock = true });
        Assert.Null(unlocked.Result.LockedUntil);
        Assert.True((await client.ApiAsync(new Authenticate { Provider = "credentials", UserName = user.UserName, Password = "set by admin" })).Succeeded);
    }

    private static async Task<(int, string?)> StatusAsync<T>(Task<ApiResult<T>> call)
    {
        var result = await call;
        return (result.StatusCode, result.ErrorCode);
    }

    [Fact]
    public async Task Update_with_bad_input_is_4xx_naming_the_field_and_writes_nothing()
    {
        var user = await host.SignUpAsync();
        var other = await host.SignUpAsync();
        using var admin = await host.AdminAsync();
        (AdminUpdateUser Request, string Field, int Status)[] cases =
        [
            (new() { Id = user.UserId, DisplayName = "Should not stick", AddRoles = ["Wizard"] }, "AddRoles", 400),
            (new() { Id = user.UserId, DisplayName = "Should not stick", AddPermissions = ["bad perm"] }, "AddPermissions", 400),
            (new() { Id = user.UserId, DisplayName = "Should not stick", Email = "nope" }, "Email", 400),
            (new() { Id = user.UserId, DisplayName = "Should not stick", Password = "short" }, "Password", 400),
            (new() { Id = user.UserId, DisplayName = "Should not stick", LockUntil = DateTime.UtcNow.AddHours(-1) }, "LockUntil", 400),
            (new() { Id = user.UserId, DisplayName = "Should not stick", LockUntil = DateTime.UtcNow.AddHours(1), Unlock = true }, "Unlock", 400),
            (new() { Id = user.UserId, DisplayName = "Should not stick", UserName = other.UserName }, "UserName", 409),
            (new() { Id = user.UserId, DisplayName = "Should not stick", Email = other.Email }, "Email", 409),
            (new() { Id = "not-a-guid" }, "Id", 400),
        ];
        foreach (var (request, field, status) in cases)
        {
            var result = await admin.ApiAsync(request);
            Assert.Equal((status, field), (result.StatusCode, result.FieldErrors.FirstOrDefault()?.FieldName));
        }
        var after = (await admin.SendAsync(new AdminGetUser { Id = user.UserId })).Result;
        Assert.Null(after.DisplayName);
        Assert.Equal(["Customer"], after.Roles);
        Assert.Equal(user.Email, after.Email);
        Assert.Null(after.LockedUntil);
        Assert.Equal(404, (await admin.ApiAsync(new AdminUpdateUser { Id = Guid.NewGuid().ToString() })).StatusCode);
    }

    [Fact]
    public async Task Delete_removes_the_user_with_sessions_and_keys_and_admins_cannot_delete_or_lock_themselves()
    {
        var user = await host.SignUpAsync();
        var key = await user.Client.SendAsync(new CreateUserApiKey { Name = "goes too" });
        using var admin = await host.AdminAsync();
        var deleted = await admin.SendAsync(new AdminDeleteUser { Id = user.UserId });
        Assert.Equal(user.UserId, deleted.Id);
        Assert.Equal(404, (await admin.ApiAsync(new AdminGetUser { Id = user.UserId })).StatusCode);
        Assert.Equal(404, (await admin.ApiAsync(new AdminDeleteUser { Id = user.UserId })).StatusCode);
        Assert.Equal(401, (await user.Client.ApiAsync(new GetAccessToken { RefreshToken = user.RefreshToken })).StatusCode);
        using var http = host.CreateHttp();
        using (var keyCall = await http.SendAsync(HttpMethod.Get, "/api/AnyApiKey", bearer: key.Key))
            await keyCall.ErrorAsync(HttpStatusCode.Unauthorized);
        await using (var db = await host.Db.OpenAsync())
        {
            var id = Guid.Parse(user.UserId);
            Assert.Equal(0, await db.CountAsync<BaaSRefreshToken>(t => t.UserId == id));
            Assert.Equal(0, await db.CountAsync<BaaSApiKey>(k => k.UserId == id));
            Assert.Equal(0, await db.CountAsync<BaaSUserRole>(r => r.UserId == id));
        }

        var me = await admin.SendAsync(new Authenticate());
        var selfDelete = await admin.ApiAsync(new AdminDeleteUser { Id = me.UserId });
        Assert.Equal((400, "Id"), (selfDelete.StatusCode, selfDelete.FieldErrors.Single().FieldName));
        var selfLock = await admin.ApiAsync(new AdminUpdateUser { Id = me.UserId, LockUntil = DateTime.UtcNow.AddDays(1) });
        Assert.Equal((400, "LockUntil"), (selfLock.StatusCode, selfLock.FieldErrors.Single().FieldName));
        var selfDemote = await admin.ApiAsync(new AdminUpdateUser { Id = me.UserId, RemoveRoles = ["Admin"] });
        Assert.Equal((400, "RemoveRoles"), (selfDemote.StatusCode, selfDemote.FieldErrors.Single().FieldName));
    }

    [Fact]
    public async Task AssignRoles_and_UnAssignRoles_answer_all_roles_and_refuse_unknown_users_and_roles()
    {
        var user = await host.SignUpAsync();
        using var admin = await host.AdminAsync();
        var assigned = await admin.SendAsync(new AssignRoles { UserName = user.UserName, Roles = ["Owner"], Permissions = ["menu.edit"] });
        Assert.Equal(["Customer", "Owner"], assigned.AllRoles);
        Assert.Equal(["menu.edit"], assigned.AllPermissions);
        var unassigned = await admin.SendAsync(new UnAssignRoles { UserName = user.UserName, Roles = ["Customer"], Permissions = ["menu.edit"] });
        Assert.Equal(["Owner"], unassigned.AllRoles);
        Assert.Empty(unassigned.AllPermissions);

        var unknownUser = await admin.ApiAsync(new AssignRoles { UserName = host.NewUserName(), Roles = ["Owner"] });
        Assert.Equal((404, "UserNotFound"), (unknownUser.StatusCode, unknownUser.ErrorCode));
        var unknownRole = await admin.ApiAsync(new AssignRoles { UserName = user.UserName, Roles = ["Owner", "Wizard"] });
        Assert.Equal((400, "Roles"), (unknownRole.StatusCode, unknownRole.FieldErrors.Single().FieldName));
        var missingName = await admin.ApiAsync(new AssignRoles { Roles = ["Owner"] });
        Assert.Equal((400, "UserName"), (missingName.StatusCode, missingName.FieldErrors.Single().FieldName));
        Assert.Equal(["Owner"], (await admin.SendAsync(new AdminGetUser { Id = user.UserId })).Result.Roles);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteAdminApiTests(SqliteAuthFixture host) : AdminApiTests(host);

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlAdminApiTests(PostgreSqlAuthFixture host) : AdminApiTests(host);
