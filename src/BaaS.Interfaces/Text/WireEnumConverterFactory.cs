using System.Text.Json;
using System.Text.Json.Serialization;

namespace BaaS.Text;

/// <summary>
/// Enums on the wire: by name (or its <c>[EnumMember(Value = ...)]</c>), except <c>[Flags]</c> enums and enums marked
/// <c>[EnumAsInt]</c>, which are numbers. Either form is read, names case-insensitively;
/// a value the enum does not define is refused.
/// </summary>
public sealed class WireEnumConverterFactory : JsonConverterFactory
{
    /// <inheritdoc />
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    /// <inheritdoc />
    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(WireEnumConverter<>).MakeGenericType(typeToConvert))!;
}

/// <summary>The converter <see cref="WireEnumConverterFactory"/> makes for one enum type; its name tables are built once.</summary>
/// <typeparam name="T">The enum type.</typeparam>
public sealed class WireEnumConverter<T> : JsonConverter<T> where T : struct, Enum
{
    private readonly EnumInfo<T> _info = EnumInfo<T>.Instance;

    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            if (reader.TryGetInt64(out var number) && _info.TryFromNumber(number, out var fromNumber))
                return fromNumber;
            throw new JsonException($"{reader.GetDouble()} is not a value of {typeof(T).Name}. Expected one of: {_info.NameList}.");
        }
        if (reader.TokenType == JsonTokenType.String)
        {
            var text = reader.GetString()!;
            if (_info.TryParse(text, out var value))
                return value;
            throw new JsonException($"'{WireFormat.Clip(text)}' is not a value of {typeof(T).Name}. Expected one of: {_info.NameList}.");
        }
        throw new JsonException($"Expected a {typeof(T).Name} name but found {reader.TokenType}.");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        if (_info.WriteAsNumber) writer.WriteNumberValue(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
        else if (_info.NameOf(value) is { } name) writer.WriteStringValue(name);
        else writer.WriteNumberValue(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
    }
}
