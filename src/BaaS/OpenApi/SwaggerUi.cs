using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BaaS.OpenApi;

/// <summary>The Swagger UI page (Swashbuckle's packaged assets) at <c>/swagger-ui/</c>, showing <c>/openapi.json</c>.</summary>
internal static class SwaggerUi
{
    public static void Map(IEndpointRouteBuilder endpoints, string serviceName)
    {
        // The UI is static files served by Swashbuckle's middleware; UseBaaS() is given the WebApplication, which is also
        // the request pipeline, so the middleware joins it here (ahead of the endpoints, like every app.Use after Build).
        // Only requests under /swagger-ui reach it: every other request skips its path matching and static-file lookup.
        if (endpoints is not IApplicationBuilder app) return;
        var path = new PathString(OpenApiFeature.SwaggerUiPath.TrimEnd('/'));
        app.UseWhen(context => context.Request.Path.StartsWithSegments(path), branch => branch.UseSwaggerUI(options =>
        {
            options.RoutePrefix = OpenApiFeature.SwaggerUiPath.Trim('/');
            options.DocumentTitle = serviceName + " API";
            options.SwaggerEndpoint(OpenApiFeature.DocumentPath, serviceName);
        }));
    }
}
