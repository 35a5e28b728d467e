using System.Text.Json;
using System.Text.Json.Serialization;

namespace BaaS.Text;

/// <summary>
/// DateTime on the wire: written ISO-8601 round-trip (<c>2026-11-22T10:30:00.0000000Z</c> for UTC, local times
/// converted to UTC, unspecified times without a zone); read from ISO-8601 (a zone or Z gives a UTC value) or
/// ServiceStack's <c>/Date(1763807400000)/</c>.
/// </summary>
public sealed class WireDateTimeConverter : JsonConverter<DateTime>
{
    /// <inheritdoc />
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
            throw new JsonException($"Expected a date string but found {reader.TokenType}.");
        var text = reader.GetString()!;
        return WireFormat.TryParseDateTime(text, out var value)
            ? value
            : throw new JsonException($"'{WireFormat.Clip(text)}' is not a valid date: use ISO-8601, e.g. 2026-11-22T10:30:00Z.");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options)
    {
        Span<char> buffer = stackalloc char[40];
        writer.WriteStringValue(buffer[..WireFormat.FormatDateTime(value, buffer)]);
    }
}
