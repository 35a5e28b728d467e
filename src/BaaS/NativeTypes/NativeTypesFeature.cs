using System.Collections.Concurrent;
using System.Text.Json;
using BaaS.Hosting;
using BaaS.OpenApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BaaS.NativeTypes;

/// <summary>
/// Serves what typed clients are generated from, all written from <see cref="BaaSHost.Metadata"/>: <c>/types</c> (the
/// list), <c>/types/typescript</c>, <c>/types/csharp</c>, <c>/types/python</c> and <c>/types/metadata</c> (the model as
/// JSON). A type that cannot be generated answers 500 with a <c>ResponseStatus</c> naming it, never a partial file.
/// Added by <c>AddNativeTypes()</c>; described in the metadata as <c>plugins.nativeTypes</c>.
/// </summary>
public sealed class NativeTypesFeature : BaaSFeature
{
    /// <summary>The generators served at <c>/types/{language}</c>.</summary>
    public static IReadOnlyList<INativeTypesGenerator> Generators { get; } =
        [new TypeScript.TypeScriptGenerator(), new CSharp.CSharpGenerator(), new Python.PythonGenerator()];

    /// <summary>Where the list of languages is served; each language is under it.</summary>
    public const string TypesPath = "/types";

    /// <inheritdoc />
    public override string Id => "nativeTypes";

    /// <inheritdoc />
    public override void MapEndpoints(IEndpointRouteBuilder endpoints, BaaSHost host)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(host);
        // Output for the default options is the same for every caller but the BaseUrl: cache it per language and base URL.
        var cache = new ConcurrentDictionary<(string Language, string BaseUrl), string>();
        var openApi = host.Features.OfType<OpenApiFeature>().FirstOrDefault();
        var options = host.Options;

        endpoints.MapGet(TypesPath, context =>
        {
            var baseUrl = options.BaseUrlOf(context.Request);
            var list = Generators.ToDictionary(g => g.Language, g => $"{baseUrl}{TypesPath}/{g.Language}");
            list["metadata"] = $"{baseUrl}{TypesPath}/metadata";
            if (openApi is not null) list["openapi"] = baseUrl + OpenApiFeature.DocumentPath;
            return WriteJsonAsync(context, list);
        }).WithDisplayName("BaaS native types");

        endpoints.MapGet(TypesPath + "/metadata", context => WriteJsonAsync(context, host.Metadata)).WithDisplayName("BaaS types metadata");

        foreach (var generator in Generators)
        {
            var captured = generator;
            endpoints.MapGet($"{TypesPath}/{generator.Language}", context =>
            {
                var baseUrl = options.BaseUrlOf(context.Request);
                var pairs = context.Request.Query.Select(q => new KeyValuePair<string, string>(q.Key, q.Value.ToString())).ToList();
                return RespondAsync(context, () => pairs.Count == 0
                    ? cache.GetOrAdd((captured.Language, baseUrl), _ => captured.Generate(host.Metadata, NativeTypesOptions.From([], baseUrl)))
                    : captured.Generate(host.Metadata, NativeTypesOptions.From(pairs, baseUrl)), "text/plain; charset=utf-8");
            }).WithDisplayName($"BaaS native types ({generator.Language})");
        }
    }

    /// <inheritdoc />
    public override object? Describe(IServiceProvider services, OperationCatalog catalog) =>
        new NativeTypesFeatureInfo(TypesPath, [.. Generators.Select(g => g.Language)]);

    /// <summary>Writes generated text, or a 500 <c>ResponseStatus</c> naming what could not be generated.</summary>
    internal static async Task RespondAsync(HttpContext context, Func<string> generate, string contentType)
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

}

/// <summary>What <c>plugins.nativeTypes</c> says.</summary>
/// <param name="Path">Where the list of languages is served.</param>
/// <param name="Languages">The languages served at <c>{Path}/{language}</c>.</param>
internal sealed record NativeTypesFeatureInfo(string Path, IReadOnlyList<string> Languages);
