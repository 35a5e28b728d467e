using System.Text.Json;
using System.Text.RegularExpressions;
using BaaS.Reflection;

namespace BaaS.Binding;

/// <summary>
/// Explains a bad value nested inside an object or list property, from the path System.Text.Json reports
/// (<c>$[0].quantity</c>): where it is (<c>[0].quantity</c>), what was sent (<c>'lots'</c>) and what the member's
/// type takes (<c>a whole number</c>). Runs only when binding already failed, so it may re-parse; member types come
/// from the cached <see cref="TypeModel"/>.
/// </summary>
internal static partial class NestedError
{
    public sealed record Detail(string Location, string Shown, string? Expectation);

    public static Detail? Describe(Type propertyType, Utf8JsonReader value, string path)
    {
        try
        {
            using var document = JsonDocument.ParseValue(ref value);
            var element = document.RootElement;
            Type? type = propertyType;
            var location = new System.Text.StringBuilder();
            foreach (Match segment in Segment().Matches(path))
            {
                if (segment.Groups["index"].Success)
                {
                    var index = int.Parse(segment.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture);
                    if (element.ValueKind != JsonValueKind.Array || index >= element.GetArrayLength()) return null;
                    element = element[index];
                    type = type is null ? null : ValueParser.CollectionElementType(type);
                    location.Append('[').Append(index).Append(']');
                }
                else
                {
                    var name = segment.Groups["name"].Success ? segment.Groups["name"].Value : segment.Groups["quoted"].Value.Replace("''", "'", StringComparison.Ordinal);
                    if (element.ValueKind != JsonValueKind.Object) return null;
                    var found = element.EnumerateObject().FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
                    if (found.Value.ValueKind == JsonValueKind.Undefined) return null;
                    element = found.Value;
                    type = type is null ? null : TypeModel.Of(type).Find(name)?.Type;
                    location.Append('.').Append(found.Name);
                }
            }
            if (location.Length == 0) return null;
            return new Detail(location.ToString(), ShownValue.Of(element), type is null ? null : ValueParser.ExpectationOf(type));
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null; // not even valid JSON, or a name that is not valid text: the caller's generic message stands
        }
    }

    // $[0].quantity, $.lines[2]['odd name']
    [GeneratedRegex(@"\[(?<index>\d+)\]|\.(?<name>[^.\[]+)|\['(?<quoted>(?:[^']|'')*)'\]")]
    private static partial Regex Segment();
}
