using System.Text.Json;
using System.Text.Json.Serialization;

namespace BaaS.Text;

/// <summary>Guid on the wire: written with dashes; read with or without dashes or braces.</summary>
public sealed class WireGuidConverter : JsonConverter<Guid>
{
    /// <inheritdoc />
    public override Guid Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
            throw new JsonException($"Expected a Guid string but found {reader.TokenType}.");
        var text = reader.GetString()!;
        return Guid.TryParse(text, out var value)
            ? value
            : throw new JsonException($"'{WireFormat.Clip(text)}' is not a valid Guid.");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Guid value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value);
}
