using System.Buffers;
using System.Text.Json;

namespace BaaS.Routing;

/// <summary>Finds the request objects of a batch body: a top-level JSON array that holds only objects.</summary>
internal static class BatchSplitter
{
    /// <summary>The position of each element of the body's top-level JSON array; 400 for anything else or too many.</summary>
    public static List<(SequencePosition Start, SequencePosition End)> Split(ReadOnlySequence<byte> body, int maxBatchSize)
    {
        var elements = new List<(SequencePosition, SequencePosition)>();
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 64 });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
                throw new HttpError(400, "SerializationException", "A batch body must be a JSON array of request objects.");
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType != JsonTokenType.StartObject)
                    throw new HttpError(400, "SerializationException", $"Item {elements.Count} of the batch is not a JSON object.");
                if (elements.Count == maxBatchSize)
                    throw new HttpError(400, "BatchTooLarge", $"A batch holds at most {maxBatchSize} requests.");
                var start = body.GetPosition(reader.TokenStartIndex);
                reader.Skip();
                elements.Add((start, body.GetPosition(reader.BytesConsumed)));
            }
            reader.Read(); // throws on anything but white space after the array
        }
        catch (JsonException e)
        {
            throw new HttpError(400, "SerializationException",
                $"The batch is not valid JSON (line {(e.LineNumber ?? 0) + 1}, position {(e.BytePositionInLine ?? 0) + 1}).");
        }
        return elements;
    }
}
