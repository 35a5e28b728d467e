using BaaS;
using BaaS.Client;
using MyApp.ServiceModel;

namespace MyApp.Tests;

/// <summary>
/// MyApp's API keys reach only what their scopes name: a customer's read key reads the customer's orders and nothing
/// more; an administrator's key cannot touch users, roles or keys.
/// </summary>
public abstract class ApiKeyAccessTests<THost>(THost host) where THost : MyAppFixture
{
    private JsonApiClient WithKey(string key) => new(host.BaseUrl) { BearerToken = key };

    [Fact]
    public async Task A_customers_read_key_reads_orders_and_cannot_order_edit_the_profile_or_change_the_password()
    {
        using var customer = host.As(host.Customer);
        var key = (await customer.SendAsync(new CreateUserApiKey { Name = "order export", Scopes = [ApiScopes.OrdersRead] })).Key;
        using var machine = WithKey(key);

        var mine = await machine.SendAsync(new QueryMyOrders());
        Assert.All(mine.Results, o => Assert.Equal(host.Customer.Id, o.CustomerId));

        var order = await machine.ApiAsync(new PlaceOrder { RestaurantId = 1, Items = [new() { MenuItemId = 1, Quantity = 1 }] });
        Assert.Equal((403, "MissingScope"), (order.StatusCode, order.ErrorCode));
        var profile = await machine.ApiAsync(new PatchMyProfile { DisplayName = "Taken over" });
        Assert.Equal((403, "ApiKeyNotAllowed"), (profile.StatusCode, profile.ErrorCode));
        var password = await machine.ApiAsync(new ChangePassword { CurrentPassword = host.Customer.Password, NewPassword = "Taken-over-12345" });
        Assert.Equal((403, "ApiKeyNotAllowed"), (password.StatusCode, password.ErrorCode));

        // The password still signs in.
        Assert.NotNull((await host.SignInAsync(host.Customer.Email, host.Customer.Password)).Token);
    }

    [Fact]
    public async Task An_administrators_key_cannot_list_users_grant_roles_or_mint_keys()
    {
        using var admin = host.As(host.Admin);
        var key = (await admin.SendAsync(new AdminCreateApiKey
        {
            UserId = host.Admin.Id.ToString(), Name = "reports", Scopes = [ApiScopes.OrdersRead, ApiScopes.OrdersWrite, ApiScopes.MenuWrite],
        })).Key;
        using var machine = WithKey(key);

        Assert.Equal("ApiKeyNotAllowed", (await machine.ApiAsync(new AdminQueryUsers())).ErrorCode);
        Assert.Equal("ApiKeyNotAllowed", (await machine.ApiAsync(new AssignRoles { UserName = host.Customer.Email, Roles = [Roles.Admin] })).ErrorCode);
        Assert.Equal("ApiKeyNotAllowed", (await machine.ApiAsync(new AdminCreateApiKey { UserId = host.Admin.Id.ToString(), Name = "child" })).ErrorCode);
        Assert.Equal("ApiKeyNotAllowed", (await machine.ApiAsync(new AdminQueryOrders())).ErrorCode);

        // The customer did not become an admin.
        var users = await admin.SendAsync(new AdminQueryUsers { Search = host.Customer.Email });
        Assert.DoesNotContain(Roles.Admin, users.Results.Single().Roles);
    }
}

[Collection(SqliteApp.Name)]
public class SqliteApiKeyAccessTests(SqliteMyAppFixture host) : ApiKeyAccessTests<SqliteMyAppFixture>(host);

[Collection(PostgreSqlApp.Name)]
public class PostgreSqlApiKeyAccessTests(PostgreSqlMyAppFixture host) : ApiKeyAccessTests<PostgreSqlMyAppFixture>(host);
