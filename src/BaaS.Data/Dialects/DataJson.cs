using System.Text.Json;
using System.Text.Json.Serialization;

namespace BaaS.Data;

/// <summary>How complex properties are written to JSON columns: property names as declared, enums by name.</summary>
internal static class DataJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Serialize(object value, Type type) => JsonSerializer.Serialize(value, type, Options);

    public static object? Deserialize(string json, Type type) => JsonSerializer.Deserialize(json, type, Options);
}
