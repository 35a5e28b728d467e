using BaaS;
using MyApp.ServiceModel;

namespace MyApp;

/// <summary>The Admin UI at /admin-ui: administrators manage everything, owners their restaurants and menus.</summary>
public class ConfigureAdminUi : IStartupModule
{
    public void ConfigureServices(WebApplicationBuilder builder)
    {
        #region snippet:admin-ui-register
        builder.Services.AddAdminUi(options => options.Roles = [Roles.Admin, Roles.Owner], builder.Configuration);
        #endregion
    }
}
