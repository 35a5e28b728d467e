using BaaS;

namespace MyApp;

/// <summary>
/// What clients and API tools are made from: typed DTOs at /types/*, OpenAPI at /openapi.json, and the API Explorer at
/// /ui (on in Development; ApiExplorer__Enabled=true turns it on elsewhere).
/// </summary>
public class ConfigureApiDocs : IStartupModule
{
    public void ConfigureServices(WebApplicationBuilder builder)
    {
        #region snippet:api-docs-register
        builder.Services.AddNativeTypes();
        builder.Services.AddBaaSOpenApi();
        builder.Services.AddApiExplorer(configuration: builder.Configuration);
        #endregion
    }
}
