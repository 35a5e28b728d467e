using System.Text;

namespace BaaS.ServerEvents;

/// <summary>
/// One message as it is written to every subscription that gets it, encoded once:
/// <c>id: 17\ndata: order-5@cmd.OrderStatusChanged {"orderId":5}\n\n</c>.
/// </summary>
internal sealed class EventFrame(long id, byte[] bytes)
{
    /// <summary>The message's id.</summary>
    public long Id { get; } = id;

    /// <summary>The UTF-8 bytes written to the stream.</summary>
    public byte[] Bytes { get; } = bytes;

    /// <summary>A frame: <c>id: {id}</c>, then <c>data: [{channel}@]{selector} {json}</c>, then a blank line.</summary>
    public static EventFrame Create(long id, string? channel, string selector, string? json)
    {
        var text = new StringBuilder(32 + selector.Length + (channel?.Length ?? 0) + (json?.Length ?? 0));
        text.Append("id: ").Append(id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append("\ndata: ");
        if (channel is not null) text.Append(channel).Append('@');
        text.Append(selector).Append(' ').Append(json).Append("\n\n");
        return new EventFrame(id, Encoding.UTF8.GetBytes(text.ToString()));
    }
}
