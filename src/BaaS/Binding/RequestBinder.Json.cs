using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace BaaS.Binding;

internal sealed partial class RequestBinder
{
    private async ValueTask ReadJsonBodyAsync(HttpContext context, BindingState state)
    {
        var result = await RequestBody.ReadAllAsync(context, _maxBodySize).ConfigureAwait(false);
        try
        {
            ReadJson(result.Buffer, state);
        }
        finally
        {
            context.Request.BodyReader.AdvanceTo(result.Buffer.End);
        }
    }

    /// <summary>
    /// Reads a JSON object property by property: each known property is deserialised on its own so a bad value is
    /// reported against its field (and the others are still checked), and the properties that were sent are recorded.
    /// </summary>
    private void ReadJson(ReadOnlySequence<byte> body, BindingState state)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 64 });
        string? field = null;
        try
        {
            if (!reader.Read() || reader.TokenType == JsonTokenType.Null) return; // an empty body or `null`: nothing to bind
            if (reader.TokenType != JsonTokenType.StartObject)
                throw new HttpError(400, "SerializationException", $"The request body must be a JSON object, not {Describe(reader.TokenType)}.");

            Span<char> nameBuffer = stackalloc char[128];
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var property = FindJsonProperty(ref reader, nameBuffer);
                field = property?.Name;
                reader.Read();
                if (property is null || property.IsFile) // a file never comes in JSON: "no file"
                {
                    reader.Skip();
                    continue;
                }
                if (reader.TokenType == JsonTokenType.Null && property.IgnoresNull) continue;
                if (property.MaxItems is { } max && ItemCount.Exceeds(reader, max))
                {
                    state.AddError(property.TooManyItems());
                    reader.Skip();
                    continue;
                }

                var start = reader;
                try
                {
                    var value = JsonSerializer.Deserialize(ref reader, property.Json);
                    if (property.FirstNullItem(value) is var nullAt and >= 0)
                    {
                        state.AddError(property.NullItem(nullAt));
                        continue;
                    }
                    property.Set(state.Dto, value);
                    state.Sent[property.Index] = true;
                }
                catch (JsonException e)
                {
                    state.AddError(new ResponseError("InvalidValue", property.Name, InvalidValueMessage(property, start, e)));
                    reader = start;
                    reader.Skip();
                }
                catch (Exception e) when (e is OverflowException or FormatException)
                {
                    // An app's own converter doing checked arithmetic or parsing text: the value is bad, not the server.
                    state.AddError(new ResponseError("InvalidValue", property.Name,
                        $"{ShownValue.Of(start)} is not a valid value for {property.Name}: {e.Message.TrimEnd('.')}."));
                    reader = start;
                    reader.Skip();
                }
            }
            field = null;
            reader.Read(); // throws on anything but white space after the object

        }
        catch (JsonException e)
        {
            // The JSON itself is malformed (not just one value): nothing more can be read.
            var at = $"line {(e.LineNumber ?? 0) + 1}, position {(e.BytePositionInLine ?? 0) + 1}";
            var error = new HttpError(400, "SerializationException", $"The request body is not valid JSON ({at}).");
            if (field is not null) error.FieldErrors.Add(new ResponseError("SerializationException", field, $"The value of {field} is not valid JSON ({at})."));
            throw error;
        }
    }

    private DtoProperty? FindJsonProperty(ref Utf8JsonReader reader, scoped Span<char> buffer)
    {
        try
        {
            var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
            if (length <= buffer.Length && !reader.ValueIsEscaped)
            {
                var written = reader.CopyString(buffer);
                return _bySpan.TryGetValue(buffer[..written], out var found) ? found : null;
            }
            return _byName.GetValueOrDefault(reader.GetString()!);
        }
        catch (InvalidOperationException)
        {
            // Invalid UTF-8 or an unpaired surrogate escape in the name: it cannot be matched, or even quoted back.
            throw new HttpError(400, "SerializationException",
                "A property name in the request body is not valid text: it holds invalid UTF-8 or an unpaired surrogate.");
        }
    }

    private static string InvalidValueMessage(DtoProperty property, Utf8JsonReader value, JsonException e)
    {
        // Inside an object or a list, name the element that was wrong: Items[0].quantity, not Items.
        if (value.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && e.Path is { Length: > 1 } path &&
            NestedError.Describe(property.Type, value, path) is { } nested)
            return $"{nested.Shown} is not a valid value for {property.Name}{nested.Location}" +
                   (nested.Expectation is null ? "." : $": expected {nested.Expectation}.");

        if (value.TokenType == JsonTokenType.String && !ShownValue.TryGetString(value, out _))
            return ShownValue.NotValidText(property.Name);
        var shown = ShownValue.Of(value);
        // Our converters explain themselves (enums list their names); STJ's own messages only name a CLR type.
        var reason = e.Message.Contains("Path:", StringComparison.Ordinal) || e.Message.Contains("could not be converted", StringComparison.Ordinal)
            ? $"expected {property.Parser.Expectation}"
            : e.Message.TrimEnd('.');
        return $"{shown} is not a valid value for {property.Name}: {reason}.";
    }

    internal static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "an array",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };
}
