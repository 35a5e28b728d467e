using System.Text.Json.Nodes;
using BaaS.Metadata;
using BaaS.NativeTypes;
using BaaS.NativeTypes.Model;

namespace BaaS.OpenApi;

public sealed partial class OpenApiGenerator
{
    private JsonObject Operation(ClientType request, string verb, string id, List<string> pathParameters, MetadataRoute? route)
    {
        var operation = request.Operation!;
        var result = new JsonObject { ["operationId"] = id };
        var summary = route?.Summary ?? request.Meta.Description;
        if (!string.IsNullOrWhiteSpace(summary)) result["summary"] = summary;
        var notes = string.Join("\n\n", new[] { route?.Notes, request.Meta.Notes }.Where(n => !string.IsNullOrWhiteSpace(n)));
        var who = Requirements(operation);
        if (who.Length > 0) notes = notes.Length > 0 ? notes + "\n\n" + who : who;
        if (notes.Length > 0) result["description"] = notes;
        if (operation.Tags is { Count: > 0 } tags) result["tags"] = new JsonArray([.. tags.Select(t => (JsonNode)JsonValue.Create(t)!)]);

        var properties = AllProperties(request);
        var parameters = new JsonArray();
        var inPath = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in pathParameters)
        {
            var property = properties.FirstOrDefault(p => string.Equals(p.Property.Name, name, StringComparison.OrdinalIgnoreCase));
            inPath.Add(name);
            parameters.Add(new JsonObject
            {
                ["name"] = name, ["in"] = "path", ["required"] = true,
                ["schema"] = property.Property is null ? new JsonObject { ["type"] = "string" } : Schema(property.Property.Type.Unwrapped, property.Args),
            });
        }
        var hasBody = verb is "POST" or "PUT" or "PATCH";
        if (!hasBody)
        {
            foreach (var (property, args) in properties)
            {
                if (inPath.Contains(property.Name)) continue;
                var parameter = new JsonObject { ["name"] = property.WireName, ["in"] = "query" };
                if (property.Meta.IsRequired == true) parameter["required"] = true;
                if (!string.IsNullOrWhiteSpace(property.Meta.Description)) parameter["description"] = property.Meta.Description;
                var schema = Schema(property.Type, args);
                LimitItems(schema, property.Meta);
                parameter["schema"] = schema;
                if (property.Type.Unwrapped.Kind is RefKind.List or RefKind.Array)
                {
                    parameter["style"] = "form";
                    parameter["explode"] = false;
                }
                parameters.Add(parameter);
            }
        }
        if (parameters.Count > 0) result["parameters"] = parameters;
        if (hasBody)
        {
            var body = new TypeRef(RefKind.Named, request.Meta.Name, request);
            var content = new JsonObject();
            // A request with files is sent as multipart/form-data (each file a part named after its property, format
            // binary); as JSON it works too, without files.
            if (properties.Any(p => p.Property.Type.Unwrapped.Kind == RefKind.File ||
                                    p.Property.Type.Unwrapped is { Kind: RefKind.List or RefKind.Array } list && list.Args![0].Unwrapped.Kind == RefKind.File))
                content["multipart/form-data"] = new JsonObject { ["schema"] = Schema(body) };
            content["application/json"] = new JsonObject { ["schema"] = Schema(body) };
            result["requestBody"] = new JsonObject { ["required"] = true, ["content"] = content };
        }

        var responses = new JsonObject();
        if (request.Response is null) responses["204"] = new JsonObject { ["description"] = "No Content" };
        else responses["200"] = new JsonObject
        {
            ["description"] = "OK",
            ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = Schema(request.Response) } },
        };
        responses["400"] = Error("The request is not valid: responseStatus names the fields.");
        if (operation.RequiresApiKey == true)
        {
            // [ValidateApiKey]: only an API key (with its scopes) will do.
            responses["401"] = Error("No valid API key.");
            if (operation.RequiredApiKeyScopes is { Count: > 0 }) responses["403"] = Error("The API key lacks a required scope.");
            var scopes = new JsonArray([.. (operation.RequiredApiKeyScopes ?? []).Select(r => (JsonNode)JsonValue.Create(r)!)]);
            result["security"] = new JsonArray(new JsonObject { [ApiKeyScheme] = scopes });
        }
        else if (operation.RequiresAuth)
        {
            responses["401"] = Error("Not signed in.");
            if (operation.RequiredRoles is { Count: > 0 } || operation.RequiredPermissions is { Count: > 0 })
                responses["403"] = Error("Signed in without a required role or permission.");
            var roles = new JsonArray([.. (operation.RequiredRoles ?? []).Select(r => (JsonNode)JsonValue.Create(r)!)]);
            result["security"] = new JsonArray(
                new JsonObject { [BearerScheme] = roles.DeepClone() },
                new JsonObject { [ApiKeyScheme] = roles.DeepClone() });
            if (operation.RequiredPermissions is { Count: > 0 } permissions)
                result["x-required-permissions"] = new JsonArray([.. permissions.Select(p => (JsonNode)JsonValue.Create(p)!)]);
        }
        result["responses"] = responses;
        return result;
    }

    private JsonObject Error(string description) => new()
    {
        ["description"] = description,
        ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = Schema(ErrorResponseRef()) } },
    };

    private TypeRef ErrorResponseRef()
    {
        var type = _model.AllTypes.FirstOrDefault(t => t.IsContract && t.Meta.Name == "ErrorResponse");
        if (type is not null) return new TypeRef(RefKind.Named, type.Meta.Name, type);
        // ErrorResponse is not used by any operation: describe it by hand, with the contract's ResponseStatus shape.
        if (!_schemas.ContainsKey("ErrorResponse"))
            _schemas["ErrorResponse"] = new JsonObject
            {
                ["type"] = "object",
                ["properties"] = new JsonObject { ["responseStatus"] = ResponseStatusSchema() },
            };
        return new TypeRef(RefKind.Scalar, "ErrorResponse");
    }

    private JsonNode ResponseStatusSchema()
    {
        var status = _model.AllTypes.FirstOrDefault(t => t.IsContract && t.Meta.Name == "ResponseStatus");
        if (status is not null) return Schema(new TypeRef(RefKind.Named, status.Meta.Name, status));
        var text = new JsonObject { ["type"] = "string" };
        return new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["errorCode"] = text.DeepClone(), ["message"] = text.DeepClone(), ["stackTrace"] = text.DeepClone(),
                ["errors"] = new JsonObject
                {
                    ["type"] = "array",
                    ["items"] = new JsonObject
                    {
                        ["type"] = "object",
                        ["properties"] = new JsonObject { ["errorCode"] = text.DeepClone(), ["fieldName"] = text.DeepClone(), ["message"] = text.DeepClone() },
                    },
                },
            },
        };
    }

    private static string Requirements(MetadataOperationType operation)
    {
        if (!operation.RequiresAuth) return "";
        var parts = new List<string> { "Requires a signed-in caller" };
        if (operation.RequiredRoles is { Count: > 0 } roles) parts.Add("with role(s) " + string.Join(", ", roles));
        if (operation.RequiredPermissions is { Count: > 0 } permissions) parts.Add("with permission(s) " + string.Join(", ", permissions));
        return string.Join(" ", parts) + ".";
    }

    /// <summary>The request's properties with those of its base classes (AutoQuery's paging from QueryBase), base first.</summary>
    private static List<(ClientProperty Property, Dictionary<string, TypeRef> Args)> AllProperties(ClientType type)
    {
        var chain = new List<(ClientType Type, Dictionary<string, TypeRef> Args)>();
        var args = new Dictionary<string, TypeRef>(StringComparer.Ordinal);
        for (var current = type; current is not null;)
        {
            chain.Insert(0, (current, args));
            var inherits = current.Inherits;
            if (inherits?.Type is null) break;
            var next = new Dictionary<string, TypeRef>(StringComparer.Ordinal);
            for (var i = 0; i < inherits.Type.GenericParams.Count && i < inherits.Arguments.Count; i++)
                next[inherits.Type.GenericParams[i]] = Substitute(inherits.Arguments[i], args);
            current = inherits.Type;
            args = next;
        }
        // A property redeclared lower down (an override) is listed once, where the base declares it.
        var result = new List<(ClientProperty, Dictionary<string, TypeRef>)>();
        var perOwner = new List<List<(ClientProperty, Dictionary<string, TypeRef>)>>();
        foreach (var (owner, ownerArgs) in chain)
            perOwner.Add([.. owner.Properties.Select(p => (p, ownerArgs))]);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var list in perOwner)
            foreach (var (property, propertyArgs) in list)
                if (names.Add(property.Name)) result.Add((property, propertyArgs));
        return result;
    }
}
