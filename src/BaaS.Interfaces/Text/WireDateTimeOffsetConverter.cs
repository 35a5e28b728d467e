using System.Text.Json;
using System.Text.Json.Serialization;

namespace BaaS.Text;

/// <summary>DateTimeOffset on the wire: ISO-8601 with its offset; <c>/Date(ms+hhmm)/</c> is also read.</summary>
public sealed class WireDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    /// <inheritdoc />
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
            throw new JsonException($"Expected a date string but found {reader.TokenType}.");
        var text = reader.GetString()!;
        return WireFormat.TryParseDateTimeOffset(text, out var value)
            ? value
            : throw new JsonException($"'{WireFormat.Clip(text)}' is not a valid date with offset: use ISO-8601, e.g. 2026-11-22T10:30:00+01:00.");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString("o", System.Globalization.CultureInfo.InvariantCulture));
}
