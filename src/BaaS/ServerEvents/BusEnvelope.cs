using System.Buffers;
using System.Text;
using System.Text.Json;

namespace BaaS.ServerEvents;

/// <summary>What a bus envelope asks of the nodes.</summary>
internal enum BusKind
{
    /// <summary>Write a message to the target subscriptions.</summary>
    Message,

    /// <summary>End the target subscriptions' streams.</summary>
    Close,

    /// <summary>A heartbeat of a subscription that came to another node than the one holding its stream.</summary>
    Pulse,
}

/// <summary>What travels on the bus: a message for some subscriptions, or an order to close or pulse some.</summary>
/// <param name="Kind">What to do.</param>
/// <param name="Target">Whose subscriptions.</param>
/// <param name="Value">The channel, user, role, session or subscription id (null for all).</param>
/// <param name="Channel">Only subscriptions in this channel (and the message shows it as <c>channel@selector</c>).</param>
/// <param name="Selector">The message's selector (empty for a close).</param>
/// <param name="Json">The message's JSON (null for none).</param>
/// <param name="Replay">Whether reconnecting clients get it again (join and leave notices are not replayed).</param>
internal sealed record BusEnvelope(BusKind Kind, ServerEventTargetKind Target, string? Value, string? Channel, string Selector, string? Json, bool Replay)
{
    /// <summary>The channel the frame shows: the target channel, else the channel filter.</summary>
    public string? FrameChannel => Target == ServerEventTargetKind.Channel ? Value : Channel;

    /// <summary>
    /// A header line of JSON, then the message's JSON as it is (it has no line breaks):
    /// <c>{"k":"m","t":"Channel","v":"order-5","s":"cmd.OrderStatusChanged","r":true}\n{"orderId":5}</c>.
    /// </summary>
    public string Encode()
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("k", Kind switch { BusKind.Close => "c", BusKind.Pulse => "p", _ => "m" });
            writer.WriteString("t", Target.ToString());
            if (Value is not null) writer.WriteString("v", Value);
            if (Channel is not null) writer.WriteString("c", Channel);
            if (Selector.Length > 0) writer.WriteString("s", Selector);
            if (Replay) writer.WriteBoolean("r", true);
            writer.WriteEndObject();
        }
        var header = Encoding.UTF8.GetString(buffer.WrittenSpan);
        return Json is null ? header : header + "\n" + Json;
    }

    /// <summary>Reads what <see cref="Encode"/> wrote.</summary>
    /// <exception cref="FormatException">The payload was not written by <see cref="Encode"/>.</exception>
    public static BusEnvelope Decode(string payload)
    {
        var newline = payload.IndexOf('\n', StringComparison.Ordinal);
        var header = newline < 0 ? payload : payload[..newline];
        var json = newline < 0 ? null : payload[(newline + 1)..];
        try
        {
            using var document = JsonDocument.Parse(header);
            var root = document.RootElement;
            string? Text(string name) => root.TryGetProperty(name, out var p) ? p.GetString() : null;
            var kind = Text("k") ?? throw new FormatException("The payload has no kind.");
            if (!Enum.TryParse<ServerEventTargetKind>(Text("t"), out var target)) throw new FormatException("The payload has no target.");
            var replay = root.TryGetProperty("r", out var r) && r.ValueKind == JsonValueKind.True;
            var busKind = kind switch
            {
                "m" => BusKind.Message,
                "c" => BusKind.Close,
                "p" => BusKind.Pulse,
                _ => throw new FormatException($"The payload's kind '{kind}' is unknown."),
            };
            return new BusEnvelope(busKind, target, Text("v"), Text("c"), Text("s") ?? "", json, replay);
        }
        catch (JsonException e)
        {
            throw new FormatException("The payload's header is not JSON: " + e.Message, e);
        }
    }
}
