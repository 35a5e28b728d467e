using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BaaS.OpenApi;

/// <summary>The Swagger UI page (Swashbuckle's packaged assets) at <c>/swagger-ui/</c>, showing <c>/openapi.json</c>.</summary>
internal static class SwaggerUi
{
    /// <summary>
    /// What the page loads: its own scripts, styles and images (swagger-ui sets inline styles, and draws some icons from
    /// <c>data:</c> URLs), and calls to this site only (<c>/openapi.json</c>, "Try it out"). Nothing may frame it.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static void Map(IEndpointRouteBuilder endpoints, string serviceName)
    {
        // The UI is static files served by Swashbuckle's middleware; UseBaaS() is given the WebApplication, which is also
        // the request pipeline, so the middleware joins it here (ahead of the endpoints, like every app.Use after Build).
        // Only requests under /swagger-ui reach it: every other request skips its path matching and static-file lookup.
        if (endpoints is not IApplicationBuilder app) return;
        var path = new PathString(OpenApiFeature.SwaggerUiPath.TrimEnd('/'));
        app.UseWhen(context => context.Request.Path.StartsWithSegments(path), branch => branch.Use((context, next) =>
        {
            PageSecurityPolicy.Set(context, ContentSecurityPolicy);
            return next(context);
        }).UseSwaggerUI(options =>
        {
            options.RoutePrefix = OpenApiFeature.SwaggerUiPath.Trim('/');
            options.DocumentTitle = serviceName + " API";
            options.SwaggerEndpoint(OpenApiFeature.DocumentPath, serviceName);
        }));
    }
}
