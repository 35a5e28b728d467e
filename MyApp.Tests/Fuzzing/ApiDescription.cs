using System.Text.Json.Nodes;

namespace MyApp.Tests.Fuzzing;

/// <summary>One path and method of the app's OpenAPI document: what to send, and what each answer should look like.</summary>
public sealed record ApiCall(
    string Method, string Path, string OperationId, IReadOnlyList<ApiParameter> Parameters, JsonObject? Body,
    IReadOnlyDictionary<int, JsonObject?> Responses, IReadOnlyList<string> Roles, bool RequiresAuth)
{
    public override string ToString() => $"{Method.ToUpperInvariant()} {Path}";
}

/// <summary>A path or query parameter.</summary>
public sealed record ApiParameter(string Name, bool InPath, bool Required, JsonObject Schema, bool Exploded);

/// <summary>
/// The app's <c>/openapi.json</c>, read once: every path and method as an <see cref="ApiCall"/>, and the component
/// schemas that <c>$ref</c>s point at.
/// </summary>
public sealed class ApiDescription
{
    private readonly JsonObject _schemas;

    public ApiDescription(JsonObject document)
    {
        _schemas = document["components"]?["schemas"]?.AsObject() ?? [];
        var calls = new List<ApiCall>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        foreach (var (method, node) in item!.AsObject())
        {
            var operation = node!.AsObject();
            var parameters = (operation["parameters"]?.AsArray() ?? []).Select(p => new ApiParameter(
                p!["name"]!.GetValue<string>(), p["in"]!.GetValue<string>() == "path", p["required"]?.GetValue<bool>() == true,
                Resolve(p["schema"]!), p["explode"]?.GetValue<bool>() != false)).ToList();
            var body = operation["requestBody"]?["content"]?["application/json"]?["schema"] is { } schema ? Resolve(schema) : null;
            var responses = new Dictionary<int, JsonObject?>();
            foreach (var (status, response) in operation["responses"]?.AsObject() ?? [])
                if (int.TryParse(status, out var code))
                    responses[code] = response?["content"]?["application/json"]?["schema"] is { } s ? Resolve(s) : null;
            var security = operation["security"]?.AsArray();
            var roles = security?.SelectMany(s => s!.AsObject().SelectMany(kv => kv.Value!.AsArray().Select(r => r!.GetValue<string>())))
                .Distinct().ToList() ?? [];
            calls.Add(new ApiCall(method, path, operation["operationId"]!.GetValue<string>(), parameters, body, responses, roles, security is { Count: > 0 }));
        }
        Calls = calls;
    }

    public IReadOnlyList<ApiCall> Calls { get; }

    /// <summary>The schema itself, or the component a <c>$ref</c> names.</summary>
    public JsonObject Resolve(JsonNode schema)
    {
        var node = schema.AsObject();
        if (node["$ref"]?.GetValue<string>() is { } reference)
            return _schemas[reference["#/components/schemas/".Length..]]?.AsObject()
                ?? throw new InvalidOperationException($"The OpenAPI document has no schema {reference}");
        return node;
    }

    /// <summary>The types a schema allows: <c>"type": "string"</c> or <c>"type": ["string", "null"]</c>.</summary>
    public static IReadOnlyList<string> TypesOf(JsonObject schema) => schema["type"] switch
    {
        JsonArray many => many.Select(t => t!.GetValue<string>()).ToList(),
        JsonValue one => [one.GetValue<string>()],
        _ => [],
    };
}
