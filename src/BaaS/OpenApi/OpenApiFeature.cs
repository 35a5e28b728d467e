using BaaS.Hosting;
using BaaS.NativeTypes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace BaaS.OpenApi;

/// <summary>
/// Serves the OpenAPI 3.1 document of every operation at <c>/openapi.json</c>, written once from
/// <see cref="BaaSHost.Metadata"/>, and the Swagger UI page over it at <c>/swagger-ui/</c> unless
/// <see cref="SwaggerUi"/> is off. Added by <c>AddBaaSOpenApi()</c>; described in the metadata as <c>plugins.openApi</c>.
/// </summary>
public sealed class OpenApiFeature : BaaSFeature
{
    /// <summary>Where the OpenAPI document is served.</summary>
    public const string DocumentPath = "/openapi.json";

    /// <summary>Where the Swagger UI is served.</summary>
    public const string SwaggerUiPath = "/swagger-ui";

    /// <summary>Serve the Swagger UI page. Default: true.</summary>
    public bool SwaggerUi { get; init; } = true;

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
        if (SwaggerUi) OpenApi.SwaggerUi.Map(endpoints, host.Options.ServiceName);
    }

    /// <inheritdoc />
    public override object? Describe(IServiceProvider services, OperationCatalog catalog) =>
        new OpenApiFeatureInfo(DocumentPath, SwaggerUi ? SwaggerUiPath + "/" : null);
}

/// <summary>What <c>plugins.openApi</c> says.</summary>
/// <param name="Path">Where the OpenAPI document is served.</param>
/// <param name="SwaggerUi">Where the Swagger UI page is served, or null when it is off.</param>
internal sealed record OpenApiFeatureInfo(string Path, string? SwaggerUi);
