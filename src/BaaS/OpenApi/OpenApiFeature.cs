using BaaS.Hosting;
using BaaS.NativeTypes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace BaaS.OpenApi;

/// <summary>
/// Serves the OpenAPI 3.1 document of every operation at <c>/openapi.json</c>, written once from
/// <see cref="BaaSHost.Metadata"/>, for OpenAPI tools (code generators, Postman, gateways). The page to read and try the
/// API is the API Explorer (<c>AddApiExplorer()</c>, at <c>/ui</c>). Added by <c>AddBaaSOpenApi()</c>; described in the
/// metadata as <c>plugins.openApi</c>.
/// </summary>
public sealed class OpenApiFeature : BaaSFeature
{
    /// <summary>Where the OpenAPI document is served.</summary>
    public const string DocumentPath = "/openapi.json";

    /// <inheritdoc />
    public override string Id => "openApi";

    /// <inheritdoc />
    public override void MapEndpoints(IEndpointRouteBuilder endpoints, BaaSHost host)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(host);
        var document = new Lazy<string>(() => OpenApiGenerator.Generate(host.Metadata));
        endpoints.MapGet(DocumentPath, context => NativeTypesFeature.RespondAsync(context, () => document.Value, "application/json; charset=utf-8"))
            .WithDisplayName("BaaS OpenAPI");
    }

    /// <inheritdoc />
    public override object? Describe(IServiceProvider services, OperationCatalog catalog) =>
        new OpenApiFeatureInfo(DocumentPath);
}

/// <summary>What <c>plugins.openApi</c> says.</summary>
/// <param name="Path">Where the OpenAPI document is served.</param>
internal sealed record OpenApiFeatureInfo(string Path);
