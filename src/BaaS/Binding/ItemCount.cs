using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Primitives;

namespace BaaS.Binding;

/// <summary>
/// Counts the items of a list sent to a collection property, without building it, and stops one past the limit: a
/// 100,000-item array costs a scan of the first items, not 100,000 objects, a validation pass and a huge SQL statement.
/// </summary>
internal static class ItemCount
{
    /// <summary>
    /// True when the JSON array (or, for a dictionary, object) at <paramref name="reader"/> holds more than
    /// <paramref name="max"/> items. The reader is a copy: the caller's position does not move.
    /// </summary>
    public static bool Exceeds(Utf8JsonReader reader, int max)
    {
        if (reader.TokenType is not (JsonTokenType.StartArray or JsonTokenType.StartObject)) return false;
        var isObject = reader.TokenType == JsonTokenType.StartObject;
        var count = 0;
        while (reader.Read() && reader.TokenType is not (JsonTokenType.EndArray or JsonTokenType.EndObject))
        {
            if (++count > max) return true;
            if (isObject) reader.Read(); // from the member's name to its value
            reader.Skip(); // over a nested object or array; nothing for a plain value
        }
        return false;
    }

    /// <summary>
    /// True when text values (repeated keys, each a comma list, or one JSON array) hold more than <paramref name="max"/>
    /// items. Empty parts (<c>1,,2</c>) do not count, as the parser skips them.
    /// </summary>
    public static bool Exceeds(StringValues values, bool commaLists, int max)
    {
        if (values.Count == 1 && (values[0] ?? "").AsSpan().TrimStart() is [ '[' or '{', ..])
            return ExceedsJson(values[0]!, max);
        if (!commaLists) return false;
        var count = 0;
        foreach (var value in values)
        {
            var text = (value ?? "").AsSpan();
            foreach (var range in text.Split(','))
            {
                if (!text[range].IsWhiteSpace() && ++count > max) return true;
            }
        }
        return false;
    }

    private static bool ExceedsJson(string json, int max)
    {
        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json), new JsonReaderOptions { MaxDepth = 64 });
            return reader.Read() && Exceeds(reader, max);
        }
        catch (JsonException)
        {
            return false; // not JSON: the parser reports it against the field
        }
    }
}
