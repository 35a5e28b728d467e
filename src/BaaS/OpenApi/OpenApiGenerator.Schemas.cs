using System.Text.Json.Nodes;
using BaaS.NativeTypes;
using BaaS.NativeTypes.Model;

namespace BaaS.OpenApi;

public sealed partial class OpenApiGenerator
{
    /// <summary>
    /// The JSON Schema of a reference: scalars inline (<c>{ "type": "integer", "format": "int32" }</c>), types of the
    /// app as <c>$ref</c>s to components named by their client name, closed generics by name and arguments
    /// (<c>QueryResponse_Restaurant</c>).
    /// </summary>
    private JsonNode Schema(TypeRef type, IReadOnlyDictionary<string, TypeRef>? args = null)
    {
        switch (type.Kind)
        {
            case RefKind.Scalar when type.Name == "ErrorResponse" && type.Type is null:
                return Ref("ErrorResponse");
            case RefKind.Scalar: return ScalarSchema(type.Name);
            case RefKind.Bytes: return new JsonObject { ["type"] = "string", ["format"] = "byte", ["contentEncoding"] = "base64" };
            case RefKind.File: return new JsonObject { ["type"] = "string", ["format"] = "binary", ["contentMediaType"] = "application/octet-stream" };
            case RefKind.Nullable:
            {
                var inner = Schema(type.Args![0], args);
                if (inner is JsonObject o && o["type"] is JsonValue t && t.GetValue<string>() is var name)
                {
                    o["type"] = new JsonArray(name, "null");
                    return o;
                }
                return new JsonObject { ["anyOf"] = new JsonArray(inner, new JsonObject { ["type"] = "null" }) };
            }
            case RefKind.List or RefKind.Array:
                return new JsonObject { ["type"] = "array", ["items"] = Schema(type.Args![0], args) };
            case RefKind.Dictionary:
                return new JsonObject { ["type"] = "object", ["additionalProperties"] = Schema(type.Args![1], args) };
            case RefKind.Param:
                if (args is not null && args.TryGetValue(type.Name, out var bound)) return Schema(bound);
                throw new NativeTypesException($"OpenAPI: the generic parameter {type.Name} is not bound where it is used.");
            case RefKind.Named:
            {
                var closed = type.Arguments.Select(a => Substitute(a, args)).ToList();
                var name = ComponentName(type.Type!, closed);
                if (!_schemas.ContainsKey(name))
                {
                    _schemas[name] = null; // reserve first: types may refer to themselves
                    _schemas[name] = Component(type.Type!, closed);
                }
                return Ref(name);
            }
            default: throw new NativeTypesException($"OpenAPI: {type.Name} has no schema.");
        }
    }

    private static JsonObject Ref(string name) => new() { ["$ref"] = "#/components/schemas/" + name };

    private static JsonObject ScalarSchema(string name) => name switch
    {
        "Boolean" => new() { ["type"] = "boolean" },
        "Byte" or "SByte" or "Int16" or "UInt16" or "Int32" or "UInt32" => new() { ["type"] = "integer", ["format"] = "int32" },
        "Int64" or "UInt64" => new() { ["type"] = "integer", ["format"] = "int64" },
        "Single" => new() { ["type"] = "number", ["format"] = "float" },
        "Double" => new() { ["type"] = "number", ["format"] = "double" },
        "Decimal" => new() { ["type"] = "number", ["format"] = "decimal" },
        "DateTime" or "DateTimeOffset" => new() { ["type"] = "string", ["format"] = "date-time" },
        "DateOnly" => new() { ["type"] = "string", ["format"] = "date" },
        "TimeOnly" => new() { ["type"] = "string", ["format"] = "time" },
        "TimeSpan" => new() { ["type"] = "string", ["format"] = "duration", ["description"] = "An XSD duration, e.g. PT1H30M." },
        "Guid" => new() { ["type"] = "string", ["format"] = "uuid" },
        "Uri" => new() { ["type"] = "string", ["format"] = "uri" },
        "Object" => new(),
        _ => new() { ["type"] = "string" },
    };

    private static TypeRef Substitute(TypeRef type, IReadOnlyDictionary<string, TypeRef>? args)
    {
        if (args is null || args.Count == 0) return type;
        if (type.Kind == RefKind.Param) return args.TryGetValue(type.Name, out var bound) ? bound : type;
        return type.Args is null ? type : type with { Args = [.. type.Args.Select(a => Substitute(a, args))] };
    }

    /// <summary><c>Restaurant</c>, <c>QueryResponse_Restaurant</c>, <c>Page_List_Int32</c>.</summary>
    private static string ComponentName(ClientType type, IReadOnlyList<TypeRef> args) =>
        args.Count == 0 ? type.ClientName : type.ClientName + "_" + string.Join("_", args.Select(ArgName));

    private static string ArgName(TypeRef type) => type.Kind switch
    {
        RefKind.Named => ComponentName(type.Type!, type.Arguments),
        RefKind.Nullable => "Nullable_" + ArgName(type.Args![0]),
        RefKind.List or RefKind.Array => "List_" + ArgName(type.Args![0]),
        RefKind.Dictionary => "Dictionary_" + ArgName(type.Args![0]) + "_" + ArgName(type.Args![1]),
        RefKind.Bytes => "Bytes",
        RefKind.File => "File",
        _ => type.Name,
    };

    private JsonObject Component(ClientType type, IReadOnlyList<TypeRef> closedArgs)
    {
        var meta = type.Meta;
        JsonObject schema;
        if (type.IsEnum)
        {
            var values = meta.IsEnumInt == true
                ? new JsonArray([.. (meta.EnumValues ?? []).Select(v => (JsonNode)JsonValue.Create(long.Parse(v, System.Globalization.CultureInfo.InvariantCulture))!)])
                : new JsonArray([.. (meta.EnumNames ?? []).Select(v => (JsonNode)JsonValue.Create(v)!)]);
            schema = meta.IsFlags == true
                ? new JsonObject { ["type"] = "integer", ["description"] = "Flags: a sum of " + string.Join(", ", (meta.EnumNames ?? []).Zip(meta.EnumValues ?? [], (n, v) => $"{n}={v}")) }
                : new JsonObject { ["type"] = meta.IsEnumInt == true ? "integer" : "string", ["enum"] = values };
            if (!string.IsNullOrWhiteSpace(meta.Description))
                schema["description"] = meta.Description + (schema["description"] is { } d ? " " + d : "");
            return schema;
        }

        var args = new Dictionary<string, TypeRef>(StringComparer.Ordinal);
        for (var i = 0; i < type.GenericParams.Count && i < closedArgs.Count; i++) args[type.GenericParams[i]] = closedArgs[i];
        var properties = new JsonObject();
        var required = new JsonArray();
        foreach (var property in type.Properties)
        {
            var propertySchema = Schema(property.Type, args);
            if (!string.IsNullOrWhiteSpace(property.Meta.Description))
                propertySchema = propertySchema is JsonObject o && !o.ContainsKey("$ref")
                    ? With(o, "description", property.Meta.Description)
                    : new JsonObject { ["allOf"] = new JsonArray(propertySchema), ["description"] = property.Meta.Description };
            LimitItems(propertySchema, property.Meta);
            properties[property.WireName] = propertySchema;
            if (property.Meta.IsRequired == true) required.Add(property.WireName);
        }
        var own = new JsonObject { ["type"] = "object", ["properties"] = properties };
        if (required.Count > 0) own["required"] = required;
        schema = type.Inherits is null ? own : new JsonObject { ["allOf"] = new JsonArray(Schema(type.Inherits, args), own) };
        if (!string.IsNullOrWhiteSpace(meta.Description)) schema["description"] = meta.Description;
        return schema;
    }

    /// <summary><c>maxItems</c> (a list) or <c>maxProperties</c> (a dictionary) from the property's <c>[ValidateMaxItems]</c>.</summary>
    private static void LimitItems(JsonNode schema, BaaS.Metadata.MetadataPropertyType property)
    {
        if (MaxItemsOf(property) is not { } max || schema is not JsonObject o) return;
        var types = TypeNamesOf(o).ToList();
        if (types.Contains("array")) o["maxItems"] = max;
        else if (types.Contains("object")) o["maxProperties"] = max;
    }

    /// <summary>The limit of <c>[ValidateMaxItems]</c> (declared, or the default the metadata lists), or null.</summary>
    private static int? MaxItemsOf(BaaS.Metadata.MetadataPropertyType property) =>
        property.Attributes?.FirstOrDefault(a => a.Name == "ValidateMaxItems")?.Args?.FirstOrDefault(a => a.Name == "Max")?.Value is { } text &&
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var max) ? max : null;

    /// <summary>The JSON Schema type names of a schema: <c>"array"</c>, or <c>["array", "null"]</c> for a nullable one.</summary>
    private static IEnumerable<string> TypeNamesOf(JsonObject schema) => schema["type"] switch
    {
        JsonValue v when v.TryGetValue<string>(out var name) => [name],
        JsonArray names => names.OfType<JsonValue>().Select(n => n.TryGetValue<string>(out var name) ? name : "").ToList(),
        _ => [],
    };

    private static JsonObject With(JsonObject o, string key, string value)
    {
        o[key] = value;
        return o;
    }
}
