using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BaaS.Text;

/// <summary>
/// The JSON wire format shared by the server and every .NET client: camelCase out, names read case-insensitively,
/// nulls left out, enums as strings, dates ISO-8601 (ServiceStack's <c>/Date(ms)/</c> is also read), TimeSpan as an
/// XSD duration (<c>PT1H30M</c>), Guids with dashes (any of the usual forms read).
/// </summary>
public static class JsonProtocol
{
    /// <summary>The shared, read-only options. Use <see cref="CreateOptions"/> for a copy you can change.</summary>
    public static JsonSerializerOptions Options { get; } = Freeze(CreateOptions());

    /// <summary>New options configured for the wire format; callers may add converters before first use.</summary>
    public static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DictionaryKeyPolicy = null,
            PropertyNameCaseInsensitive = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
            ReadCommentHandling = JsonCommentHandling.Disallow,
            AllowTrailingCommas = false,
            // Responses are application/json, never inlined into HTML: write text as it is (as ServiceStack does),
            // escaping only what JSON itself requires.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new WireDateTimeConverter());
        options.Converters.Add(new WireDateTimeOffsetConverter());
        options.Converters.Add(new WireTimeSpanConverter());
        options.Converters.Add(new WireGuidConverter());
        options.Converters.Add(new WireEnumConverterFactory());
        return options;
    }

    private static JsonSerializerOptions Freeze(JsonSerializerOptions options)
    {
        options.TypeInfoResolver ??= new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver();
        options.MakeReadOnly();
        return options;
    }
}
