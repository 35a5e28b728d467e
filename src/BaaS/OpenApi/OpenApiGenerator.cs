using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BaaS.Metadata;
using BaaS.NativeTypes;
using BaaS.NativeTypes.Model;

namespace BaaS.OpenApi;

/// <summary>
/// <c>/openapi.json</c>: an OpenAPI 3.1 document of every operation, written from the same <see cref="AppMetadata"/>
/// (and the same type names) as the native types. Each operation appears at <c>/api/{Name}</c> and at each of its
/// routes; GET and DELETE take their properties (AutoQuery's skip, take, orderBy... included, through the base
/// class) as query parameters, other verbs a JSON body. A fragment of the output:
/// <code>
/// "/api/GetOrder": { "get": { "operationId": "GetOrder", "tags": ["Orders"],
///   "parameters": [{ "name": "id", "in": "query", "schema": { "type": "integer", "format": "int32" } }],
///   "responses": { "200": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Order" } } } } },
///   "security": [{ "bearerAuth": [] }, { "apiKey": [] }] } }
/// </code>
/// </summary>
public sealed partial class OpenApiGenerator
{
    /// <summary>The security scheme for JWTs (and API keys sent as <c>Authorization: Bearer ak-...</c>).</summary>
    public const string BearerScheme = "bearerAuth";

    /// <summary>The security scheme for API keys in the <c>X-Api-Key</c> header.</summary>
    public const string ApiKeyScheme = "apiKey";

    private readonly JsonObject _schemas = [];
    private ClientModel _model = null!;

    /// <summary>Writes the document as JSON text.</summary>
    public static string Generate(AppMetadata metadata) => new OpenApiGenerator().Build(metadata).ToJsonString(new() { WriteIndented = true });

    private JsonObject Build(AppMetadata metadata)
    {
        _model = ClientModel.Build(metadata, new NativeTypesOptions());
        var paths = new JsonObject();
        var operationIds = new HashSet<string>(StringComparer.Ordinal);
        var apiBase = "/" + metadata.App.ApiBasePath.Trim('/');

        foreach (var request in _model.Requests.OrderBy(r => r.Meta.Name, StringComparer.Ordinal))
        {
            var operation = request.Operation!;
            var served = operation.Actions.Any(a => a == "ANY") ? [ClientModel.VerbOf(operation)] : operation.Actions.Select(a => a.ToUpperInvariant()).ToList();
            AddPath(paths, operationIds, request, $"{apiBase}/{request.Meta.Name}", served, routeIndex: 0);
            var index = 0;
            foreach (var route in operation.Routes)
            {
                index++;
                var verbs = string.IsNullOrWhiteSpace(route.Verbs)
                    ? served
                    : route.Verbs.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries).Select(v => v.ToUpperInvariant())
                        .SelectMany(v => v == "ANY" ? served : [v]).Distinct().ToList();
                AddPath(paths, operationIds, request, route.Path, verbs, index, route);
            }
        }

        var tags = metadata.Api.Operations.SelectMany(o => o.Tags ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(t => (JsonNode)new JsonObject { ["name"] = t }).ToArray();
        Schema(ErrorResponseRef());
        var document = new JsonObject
        {
            ["openapi"] = "3.1.0",
            ["info"] = new JsonObject { ["title"] = metadata.App.ServiceName, ["version"] = metadata.App.Version },
            ["tags"] = new JsonArray(tags),
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["schemas"] = Sorted(_schemas),
                ["securitySchemes"] = new JsonObject
                {
                    [BearerScheme] = new JsonObject
                    {
                        ["type"] = "http", ["scheme"] = "bearer", ["bearerFormat"] = "JWT",
                        ["description"] = "A JWT (the bearerToken of /auth/credentials), or an API key sent as 'Authorization: Bearer ak-...'.",
                    },
                    [ApiKeyScheme] = new JsonObject
                    {
                        ["type"] = "apiKey", ["in"] = "header", ["name"] = "X-Api-Key", ["description"] = "An API key (ak-...).",
                    },
                },
            },
        };
        return document;
    }

    private void AddPath(JsonObject paths, HashSet<string> operationIds, ClientType request, string template, IReadOnlyList<string> verbs,
        int routeIndex, MetadataRoute? route = null)
    {
        var (path, pathParameters) = NormalizePath(template);
        if (paths[path] is not JsonObject item) paths[path] = item = [];
        foreach (var verb in verbs)
        {
            var id = request.Meta.Name + (routeIndex == 0 ? "" : $"_route{routeIndex}") + (verbs.Count > 1 ? "_" + verb : "");
            while (!operationIds.Add(id)) id += "_";
            item[verb.ToLowerInvariant()] = Operation(request, verb, id, pathParameters, route);
        }
    }

    /// <summary><c>/orders/{Id:int}</c> is <c>/orders/{Id}</c>; <c>/files/{**Path}</c> is <c>/files/{Path}</c>.</summary>
    private static (string Path, List<string> Parameters) NormalizePath(string template)
    {
        var parameters = new List<string>();
        var path = PathVariable().Replace(template, m =>
        {
            var name = m.Groups["name"].Value;
            parameters.Add(name);
            return "{" + name + "}";
        });
        return (path.StartsWith('/') ? path : "/" + path, parameters);
    }

    [GeneratedRegex(@"\{\**(?<name>[A-Za-z_][A-Za-z0-9_]*)[^}]*\}")]
    private static partial Regex PathVariable();

    private static JsonObject Sorted(JsonObject schemas)
    {
        var sorted = new JsonObject();
        foreach (var (name, node) in schemas.OrderBy(p => p.Key, StringComparer.Ordinal).ToList())
        {
            schemas.Remove(name);
            sorted[name] = node;
        }
        return sorted;
    }
}
