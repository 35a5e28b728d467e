using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using BaaS.Text;

namespace BaaS.Binding;

/// <summary>
/// How a value the caller sent is quoted in an error message: clipped like every echoed value (a 3 MB number is not
/// sent back twice), and never decoded when its text is broken (invalid UTF-8, an unpaired <c>\ud800</c> escape).
/// </summary>
internal static class ShownValue
{
    /// <summary>What a string that cannot be decoded is called in messages.</summary>
    public const string InvalidText = "text that is not valid Unicode (invalid UTF-8 or an unpaired surrogate)";

    /// <summary>The message for a string property whose text cannot be decoded.</summary>
    public static string NotValidText(string field) =>
        $"The value of {field} is not valid text: it holds invalid UTF-8 or an unpaired surrogate (\\ud800 without its pair).";

    /// <summary>The token at <paramref name="value"/>: <c>'text'</c>, <c>12</c>, <c>true</c>, or what kind of token it is.</summary>
    public static string Of(Utf8JsonReader value) => value.TokenType switch
    {
        JsonTokenType.String => TryGetString(value, out var text) ? Quote(text) : InvalidText,
        // Numbers and literals are ASCII: cutting the bytes first avoids decoding megabytes only to throw them away.
        JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False => value.HasValueSequence
            ? Raw(value.ValueSequence.Slice(0, Math.Min(value.ValueSequence.Length, MaxShown + 1)).ToArray())
            : Raw(value.ValueSpan),
        _ => RequestBinder.Describe(value.TokenType),
    };

    /// <summary>The same for an element of a parsed document.</summary>
    public static string Of(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => TryGetString(element, out var text) ? Quote(text) : InvalidText,
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => Raw(JsonMarshal.GetRawUtf8Value(element)),
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "null",
    };

    /// <summary>True when the string token decodes; false for invalid UTF-8 or an unpaired surrogate escape.</summary>
    public static bool TryGetString(Utf8JsonReader value, out string text)
    {
        try
        {
            text = value.GetString() ?? "";
            return true;
        }
        catch (InvalidOperationException)
        {
            text = "";
            return false;
        }
    }

    private static bool TryGetString(JsonElement element, out string text)
    {
        try
        {
            text = element.GetString() ?? "";
            return true;
        }
        catch (InvalidOperationException)
        {
            text = "";
            return false;
        }
    }

    private static string Quote(string text) => $"'{WireFormat.Clip(text)}'";

    private const int MaxShown = 60; // as WireFormat.Clip

    private static string Raw(ReadOnlySpan<byte> ascii) =>
        ascii.Length <= MaxShown ? Encoding.ASCII.GetString(ascii) : Encoding.ASCII.GetString(ascii[..MaxShown]) + "...";
}
