using BaaS.NativeTypes;
using BaaS.OpenApi;
using Microsoft.Extensions.DependencyInjection;

namespace BaaS;

/// <summary>Turns on the documents typed clients and API tools are made from.</summary>
public static class NativeTypesServiceCollectionExtensions
{
    /// <summary>
    /// Serves typed DTOs for TypeScript, C# and Python at <c>/types/{language}</c> and the metadata model at
    /// <c>/types/metadata</c>: <c>builder.Services.AddNativeTypes();</c> See docs/native-types.md.
    /// </summary>
    public static IServiceCollection AddNativeTypes(this IServiceCollection services)
    {
        if (services.FindBaaSFeature<NativeTypesFeature>() is null) services.AddBaaSFeature(new NativeTypesFeature());
        return services;
    }

    /// <summary>
    /// Serves the OpenAPI 3.1 document at <c>/openapi.json</c>: <c>builder.Services.AddBaaSOpenApi();</c> See docs/openapi.md.
    /// </summary>
    public static IServiceCollection AddBaaSOpenApi(this IServiceCollection services)
    {
        if (services.FindBaaSFeature<OpenApiFeature>() is null) services.AddBaaSFeature(new OpenApiFeature());
        return services;
    }
}
