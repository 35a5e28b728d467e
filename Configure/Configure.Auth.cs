using BaaS;
using BaaS.Auth;
using MyApp.ServiceModel;

namespace MyApp;

/// <summary>
/// Sign-in for MyApp: customers register themselves, owners, couriers and admins are made by an administrator.
/// Secrets (the JWT key, OAuth client secrets, the first admin's password) come from configuration or environment
/// variables (<c>Auth__Jwt__Secret</c>, ...), in Development also from <c>MyApp/.env</c>.
/// </summary>
public class ConfigureAuth : IStartupModule
{
    public int Order => -50;

    public void ConfigureServices(WebApplicationBuilder builder)
    {
        #region snippet:auth-configure
        builder.Services.AddBaaSAuth(builder.Configuration.GetSection("Auth"), options =>
        {
            options.Roles = [Roles.Customer, Roles.Owner, Roles.Courier, Roles.Admin];
            options.NewUserRoles = [Roles.Customer];
            options.ApiKeys.Scopes = [ApiScopes.OrdersRead, ApiScopes.OrdersWrite, ApiScopes.MenuWrite];
            options.ApiKeys.UserScopes = [ApiScopes.OrdersRead];
        });
        builder.Services.AddAppCommand(AuthCommands.CreateAdmin);
        #endregion
    }
}
