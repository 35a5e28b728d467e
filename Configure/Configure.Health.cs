using BaaS;

namespace MyApp;

/// <summary>
/// Health for load balancers and operators (docs/health.md): <c>/health/live</c> answers while the process serves;
/// <c>/health/ready</c> runs the ready checks (the database, free disk space, Redis when configured, the jobs node):
/// 200 <c>Healthy</c> or <c>Degraded</c> (Redis away: the node still serves), 503 <c>Unhealthy</c>. A signed-in admin
/// gets every check's detail as JSON.
/// </summary>
public class ConfigureHealth : IStartupModule
{
    public void ConfigureServices(WebApplicationBuilder builder)
    {
        #region snippet:health-configure
        builder.Services.AddBaaSHealthChecks();
        #endregion
    }

    public void Configure(WebApplication app)
    {
        #region snippet:health-map
        app.MapBaaSHealthChecks();
        #endregion
    }
}
