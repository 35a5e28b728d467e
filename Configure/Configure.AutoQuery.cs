using BaaS;

namespace MyApp;

/// <summary>AutoQuery: every QueryDb and CRUD DTO of MyApp.ServiceModel without a hand-written service is implemented.</summary>
public class ConfigureAutoQuery : IStartupModule
{
    public void ConfigureServices(WebApplicationBuilder builder)
    {
        #region snippet:autoquery-register
        builder.Services.AddAutoQuery(options =>
        {
            options.MaxLimit = 100;
            options.IncludeTotal = false;
        });
        #endregion
    }
}
