using BaaS;

namespace MyApp;

/// <summary>
/// Request logs and analytics (docs/request-logs.md): every call is recorded in the app's database, off the request path,
/// and administrators query it (<c>AdminQueryRequestLogs</c>, <c>AdminGetRequestAnalytics</c>). Expired rows are deleted
/// by a recurring job. Settings: the <c>RequestLogs</c> section (e.g. <c>RequestLogs:IncludeBodies=true</c>,
/// <c>RequestLogs:RetentionDays</c>, <c>RequestLogs:Enabled=false</c>).
/// </summary>
public class ConfigureRequestLogs : IStartupModule
{
    public void ConfigureServices(WebApplicationBuilder builder)
    {
        #region snippet:request-logs-configure
        builder.Services.AddRequestLogs();   // settings from the RequestLogs configuration section
        #endregion
    }
}
