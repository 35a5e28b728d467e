using System.Text.Json;
using System.Text.Json.Serialization;

namespace BaaS.Text;

/// <summary>TimeSpan on the wire: written as an XSD duration (<c>PT1H30M</c>); read from that or <c>01:30:00</c>.</summary>
public sealed class WireTimeSpanConverter : JsonConverter<TimeSpan>
{
    /// <inheritdoc />
    public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
            throw new JsonException($"Expected a duration string but found {reader.TokenType}.");
        var text = reader.GetString()!;
        return WireFormat.TryParseTimeSpan(text, out var value)
            ? value
            : throw new JsonException($"'{WireFormat.Clip(text)}' is not a valid duration: use PT1H30M or 01:30:00.");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options) =>
        writer.WriteStringValue(WireFormat.FormatTimeSpan(value));
}
