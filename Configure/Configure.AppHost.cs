using BaaS;
using MyApp.ServiceInterface;

namespace MyApp;

/// <summary>Serves MyApp's services. Runs last, so every feature's middleware is in place before the endpoints.</summary>
public class ConfigureAppHost : IStartupModule
{
    public int Order => 100;

    public void ConfigureServices(WebApplicationBuilder builder)
    {
        #region snippet:services-register
        builder.Services.AddBaaS(options =>
        {
            options.ServiceName = "MyApp";
            options.MaxRequestBodySize = 4 * 1024 * 1024;
        }, typeof(OrderServices).Assembly);
        #endregion
    }

    public void Configure(WebApplication app) => app.UseBaaS();
}
