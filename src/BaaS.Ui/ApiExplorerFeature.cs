using BaaS.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BaaS.Ui;

/// <summary>
/// The API Explorer as a feature: maps <c>/ui</c> (and <c>/ui/{Operation}</c>) to the explorer's page of the embedded
/// browser apps, which draws every operation from <c>/metadata/app.json</c>, calls it with a form or JSON and writes
/// client code for the call. Its scripts are the Admin UI's (one build); without the Admin UI it serves them itself.
/// Added by <c>AddApiExplorer()</c>; described as <c>plugins.apiExplorer</c>.
/// </summary>
internal sealed class ApiExplorerFeature(ApiExplorerOptions options) : BaaSFeature
{
    public override string Id => "apiExplorer";

    public ApiExplorerOptions Options => options;

    /// <summary>Who is signed in, without a 401 for visitors (the Admin UI's <see cref="AdminUiSession"/>).</summary>
    public override IEnumerable<Type> ServiceTypes => [typeof(AdminUiServices)];

    public override void MapEndpoints(IEndpointRouteBuilder endpoints, BaaSHost host)
    {
        if (!IsEnabled(endpoints.ServiceProvider)) return;
        var page = new UiEndpoint(EmbeddedAssets.Apps, AdminUiFeature.ContentSecurityPolicy, page: "ui.html", files: false);
        endpoints.MapMethods(ApiExplorerOptions.Path, ["GET", "HEAD"], page.HandleAsync);
        endpoints.MapMethods(ApiExplorerOptions.Path + "/{**path}", ["GET", "HEAD"], page.HandleAsync);
        if (!endpoints.ServiceProvider.GetServices<BaaSFeature>().OfType<AdminUiFeature>().Any())
        {
            var files = new UiEndpoint(EmbeddedAssets.Apps, AdminUiFeature.ContentSecurityPolicy, page: null, prefix: "assets/");
            endpoints.MapMethods(AdminUiOptions.Path + "/assets/{**path}", ["GET", "HEAD"], files.HandleAsync);
            // The page's icon too, or every visit logs a 404.
            var icon = new UiEndpoint(EmbeddedAssets.Apps, AdminUiFeature.ContentSecurityPolicy, page: null, prefix: "favicon.svg");
            endpoints.MapMethods(AdminUiOptions.Path + "/favicon.svg", ["GET", "HEAD"], icon.HandleAsync);
        }
        if (options.RedirectSwaggerUi)
        {
            RequestDelegate redirect = context =>
            {
                context.Response.Redirect(ApiExplorerOptions.Path);
                return Task.CompletedTask;
            };
            endpoints.MapGet("/swagger-ui", redirect);
            endpoints.MapGet("/swagger-ui/{**path}", redirect);
        }
    }

    public override object? Describe(IServiceProvider services, OperationCatalog catalog) =>
        IsEnabled(services) ? new ApiExplorerInfo(ApiExplorerOptions.Path) : null;

    private bool IsEnabled(IServiceProvider services) =>
        options.Enabled ?? services.GetRequiredService<IHostEnvironment>().IsDevelopment();
}

/// <summary>What <c>plugins.apiExplorer</c> says.</summary>
/// <param name="Path">Where the explorer is.</param>
internal sealed record ApiExplorerInfo(string Path);
