using System.Text.Json;
using BaaS.Text;

namespace BaaS.Client;

/// <summary>
/// One message of the stream: <c>id: 17</c> and <c>data: order-5@cmd.OrderStatusChanged {"orderId":5}</c> are
/// <see cref="EventId"/> 17, <see cref="Channel"/> <c>order-5</c>, <see cref="Selector"/> <c>cmd.OrderStatusChanged</c>
/// (<see cref="Op"/> <c>cmd</c>, <see cref="Target"/> <c>OrderStatusChanged</c>) and <see cref="Json"/>.
/// </summary>
public class ServerEventMessage
{
    /// <summary>The message's id (what <c>Last-Event-ID</c> resumes after).</summary>
    public long EventId { get; set; }

    /// <summary>The channel it was sent to, or null.</summary>
    public string? Channel { get; set; }

    /// <summary>The selector, e.g. <c>cmd.OrderStatusChanged</c>.</summary>
    public string Selector { get; set; } = "";

    /// <summary>The selector's first part, e.g. <c>cmd</c>.</summary>
    public string Op { get; set; } = "";

    /// <summary>The selector's rest, e.g. <c>OrderStatusChanged</c>.</summary>
    public string Target { get; set; } = "";

    /// <summary>The message's JSON (null when it has none).</summary>
    public string? Json { get; set; }

    /// <summary>The whole <c>data:</c> text.</summary>
    public string Data { get; set; } = "";

    /// <summary>The JSON read as <typeparamref name="T"/> (the platform's wire JSON); default when there is none.</summary>
    public T? Body<T>() => string.IsNullOrEmpty(Json) ? default : JsonSerializer.Deserialize<T>(Json, JsonProtocol.Options);

    /// <summary>Splits a <c>data:</c> line into channel, selector and JSON; null when it has no <c>op.target</c> selector.</summary>
    public static ServerEventMessage? Parse(long eventId, string data)
    {
        var space = data.IndexOf(' ', StringComparison.Ordinal);
        var selector = space < 0 ? data : data[..space];
        var json = space < 0 ? null : data[(space + 1)..];
        string? channel = null;
        var at = selector.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            channel = selector[..at];
            selector = selector[(at + 1)..];
        }
        var dot = selector.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0) return null;
        return new ServerEventMessage
        {
            EventId = eventId, Channel = channel, Selector = selector, Op = selector[..dot], Target = selector[(dot + 1)..],
            Json = string.IsNullOrEmpty(json) ? null : json, Data = data,
        };
    }
}
