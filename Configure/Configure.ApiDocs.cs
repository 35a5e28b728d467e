using BaaS;

namespace MyApp;

/// <summary>What clients and API tools are made from: typed DTOs at /types/*, OpenAPI at /openapi.json, the Swagger page.</summary>
public class ConfigureApiDocs : IStartupModule
{
    public void ConfigureServices(WebApplicationBuilder builder)
    {
        #region snippet:api-docs-register
        builder.Services.AddNativeTypes();
        builder.Services.AddBaaSOpenApi();
        #endregion
    }
}
