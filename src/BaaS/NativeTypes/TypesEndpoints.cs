using System.Collections.Concurrent;
using System.Text.Json;
using BaaS.Hosting;
using BaaS.OpenApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BaaS.NativeTypes;

/// <summary>
/// Serves what clients are generated from, all written from <see cref="BaaSHost.Metadata"/>:
/// <c>/types</c> (the list), <c>/types/typescript</c>, <c>/types/csharp</c>, <c>/types/python</c>,
/// <c>/types/metadata</c> (the model as JSON), <c>/openapi.json</c> and the Swagger UI at <c>/swagger-ui/</c>.
/// A type that cannot be generated answers 500 with a <c>ResponseStatus</c> naming it, never a partial file.
/// </summary>
public static class TypesEndpoints
{
    /// <summary>The generators served at <c>/types/{language}</c>.</summary>
    public static IReadOnlyList<INativeTypesGenerator> Generators { get; } =
        [new TypeScript.TypeScriptGenerator(), new CSharp.CSharpGenerator(), new Python.PythonGenerator()];

    /// <summary>Where the OpenAPI document is served.</summary>
    public const string OpenApiPath = "/openapi.json";

    /// <summary>Where the Swagger UI is served.</summary>
    public const string SwaggerUiPath = "/swagger-ui";

    /// <summary>Maps the endpoints. Called once by <c>UseBaaS()</c>.</summary>
    public static void Map(IEndpointRouteBuilder endpoints, BaaSHost host)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(host);
        // Output for the default options is the same for every caller but the BaseUrl: cache it per language and base URL.
        var cache = new ConcurrentDictionary<(string Language, string BaseUrl), string>();

        endpoints.MapGet("/types", context =>
        {
            var baseUrl = BaseUrlOf(context.Request);
            var list = Generators.ToDictionary(g => g.Language, g => $"{baseUrl}/types/{g.Language}");
            list["metadata"] = $"{baseUrl}/types/metadata";
            list["openapi"] = baseUrl + OpenApiPath;
            return WriteJsonAsync(context, list);
        }).WithDisplayName("BaaS native types");

        endpoints.MapGet("/types/metadata", context => WriteJsonAsync(context, host.Metadata)).WithDisplayName("BaaS types metadata");

        foreach (var generator in Generators)
        {
            var captured = generator;
            endpoints.MapGet("/types/" + generator.Language, context =>
            {
                var baseUrl = BaseUrlOf(context.Request);
                var pairs = context.Request.Query.Select(q => new KeyValuePair<string, string>(q.Key, q.Value.ToString())).ToList();
                return RespondAsync(context, () => pairs.Count == 0
                    ? cache.GetOrAdd((captured.Language, baseUrl), _ => captured.Generate(host.Metadata, NativeTypesOptions.From([], baseUrl)))
                    : captured.Generate(host.Metadata, NativeTypesOptions.From(pairs, baseUrl)), "text/plain; charset=utf-8");
            }).WithDisplayName($"BaaS native types ({generator.Language})");
        }

        var openApi = new Lazy<string>(() => OpenApiGenerator.Generate(host.Metadata));
        endpoints.MapGet(OpenApiPath, context => RespondAsync(context, () => openApi.Value, "application/json; charset=utf-8"))
            .WithDisplayName("BaaS OpenAPI");
        SwaggerUi.Map(endpoints, host.Options.ServiceName);
    }

    private static async Task RespondAsync(HttpContext context, Func<string> generate, string contentType)
    {
        string text;
        try
        {
            text = generate();
        }
        catch (NativeTypesException e)
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            await WriteJsonAsync(context, new ErrorResponse { ResponseStatus = new ResponseStatus("NativeTypesError", e.Message) }).ConfigureAwait(false);
            return;
        }
        context.Response.ContentType = contentType;
        await context.Response.WriteAsync(text, context.RequestAborted).ConfigureAwait(false);
    }

    private static Task WriteJsonAsync<T>(HttpContext context, T value)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(context.Response.Body, value, Text.JsonProtocol.Options, context.RequestAborted);
    }

    private static string BaseUrlOf(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";
}
