using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace BaaS.NativeTypes;

/// <summary>The Swagger UI page (Swashbuckle's packaged assets) at <c>/swagger-ui/</c>, showing <c>/openapi.json</c>.</summary>
internal static class SwaggerUi
{
    public static void Map(IEndpointRouteBuilder endpoints, string serviceName)
    {
        // The UI is static files served by Swashbuckle's middleware; UseBaaS() is given the WebApplication, which is also
        // the request pipeline, so the middleware joins it here (ahead of the endpoints, like every app.Use after Build).
        if (endpoints is not IApplicationBuilder app) return;
        app.UseSwaggerUI(options =>
        {
            options.RoutePrefix = TypesEndpoints.SwaggerUiPath.Trim('/');
            options.DocumentTitle = serviceName + " API";
            options.SwaggerEndpoint(TypesEndpoints.OpenApiPath, serviceName);
        });
    }
}
