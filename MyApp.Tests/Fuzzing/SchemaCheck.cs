using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MyApp.Tests.Fuzzing;

/// <summary>
/// Checks a JSON answer against the schema the OpenAPI document gives for it, strictly: every property present must be
/// documented (or fall under <c>additionalProperties</c>), of a documented type (null only where the type lists
/// <c>"null"</c>), an enum member where an enum is given, a parseable date-time or uuid where that format is given.
/// </summary>
public sealed class SchemaCheck(ApiDescription api)
{
    /// <summary>What does not match, one line each, with the JSON path; empty when it matches.</summary>
    public List<string> Problems(JsonElement value, JsonObject schema)
    {
        var problems = new List<string>();
        Check(value, schema, "$", problems, depth: 0);
        return problems;
    }

    private void Check(JsonElement value, JsonObject schema, string path, List<string> problems, int depth)
    {
        if (depth > 32 || problems.Count > 20) return;
        schema = api.Resolve(schema);
        var types = ApiDescription.TypesOf(schema);
        if (value.ValueKind == JsonValueKind.Null)
        {
            if (!types.Contains("null")) problems.Add($"{path}: null, but the schema says {string.Join("|", types)}");
            return;
        }
        if (schema["enum"] is JsonArray members)
        {
            var text = value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
            if (!members.Any(m => m?.ToString() == text)) problems.Add($"{path}: {text} is not one of the enum's members");
            return;
        }
        var type = types.FirstOrDefault(t => t != "null");
        switch (type)
        {
            case "string":
                if (value.ValueKind != JsonValueKind.String) { Mismatch(); return; }
                var s = value.GetString()!;
                var format = schema["format"]?.GetValue<string>();
                if (format == "date-time" && !DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _))
                    problems.Add($"{path}: '{s}' is not a date-time");
                if (format == "uuid" && !Guid.TryParse(s, out _)) problems.Add($"{path}: '{s}' is not a uuid");
                return;
            case "integer":
                if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var n)) { Mismatch(); return; }
                if (schema["format"]?.GetValue<string>() == "int32" && n is > int.MaxValue or < int.MinValue)
                    problems.Add($"{path}: {n} does not fit int32");
                return;
            case "number":
                if (value.ValueKind != JsonValueKind.Number) Mismatch();
                return;
            case "boolean":
                if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) Mismatch();
                return;
            case "array":
                if (value.ValueKind != JsonValueKind.Array) { Mismatch(); return; }
                var items = schema["items"]?.AsObject();
                var i = 0;
                foreach (var item in value.EnumerateArray())
                {
                    if (items is not null) Check(item, items, $"{path}[{i}]", problems, depth + 1);
                    i++;
                }
                return;
            case "object":
                if (value.ValueKind != JsonValueKind.Object) { Mismatch(); return; }
                var properties = schema["properties"]?.AsObject();
                var additional = schema["additionalProperties"] as JsonObject;
                foreach (var property in value.EnumerateObject())
                {
                    var child = $"{path}.{property.Name}";
                    if (properties?[property.Name] is JsonObject documented) Check(property.Value, documented, child, problems, depth + 1);
                    else if (additional is not null) Check(property.Value, additional, child, problems, depth + 1);
                    else problems.Add($"{child}: not in the documented schema");
                }
                return;
            default:
                return; // no type given: anything goes
        }

        void Mismatch() => problems.Add($"{path}: {value.ValueKind} {Clip(value.GetRawText())}, but the schema says {string.Join("|", types)}");
    }

    private static string Clip(string text) => text.Length > 60 ? text[..60] + "..." : text;
}
