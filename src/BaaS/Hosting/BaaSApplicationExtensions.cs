using BaaS.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace BaaS;

/// <summary>Turns the framework on in the request pipeline.</summary>
public static class BaaSApplicationExtensions
{
    /// <summary>
    /// Maps every operation (<c>/api/{Name}</c>, <c>/json/reply/{Name}</c>, each <see cref="RouteAttribute"/>), the metadata
    /// at <c>/metadata/app.json</c>, and JSON 404s. Call once, after authentication and other middleware.
    /// </summary>
    public static WebApplication UseBaaS(this WebApplication app)
    {
        var host = app.Services.GetService<BaaSHost>()
            ?? throw new InvalidOperationException("BaaS is not registered: call builder.Services.AddBaaS(...) before builder.Build().");
        host.Start(app);
        return app;
    }
}
