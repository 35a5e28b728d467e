using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace BaaS.ServerEvents;

/// <summary>
/// One open <c>/event-stream</c>: who it is, its channels, and a bounded queue of frames its stream writes. A queue that
/// is full means the client does not keep up: the broker drops it rather than waiting (see <see cref="TryEnqueue"/>).
/// The broker changes <see cref="Channels"/> and <see cref="LastId"/> under its lock.
/// </summary>
internal sealed class EventSubscription
{
    private readonly Channel<EventFrame> _queue;
    private readonly CancellationTokenSource _closing = new();
    private long _lastPulseTicks;
    private int _closed;
    private int _dropped;
    private int _left;

    public EventSubscription(string id, SubscriberIdentity identity, IReadOnlyList<string> channels, DateTimeOffset now, int bufferSize)
    {
        Id = id;
        Identity = identity;
        Channels = [.. channels];
        CreatedAt = now;
        _lastPulseTicks = now.UtcTicks;
        // Bounded and never waiting: TryWrite fails when full, which is how a slow client is found out.
        _queue = Channel.CreateBounded<EventFrame>(new BoundedChannelOptions(bufferSize)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait,
            AllowSynchronousContinuations = false,
        });
    }

    /// <summary>The subscription's id: unguessable, it is what heartbeats and unregistering present.</summary>
    public string Id { get; }

    /// <summary>Who connected.</summary>
    public SubscriberIdentity Identity { get; }

    /// <summary>The channels it is in (replaced, never changed in place, under the broker's lock).</summary>
    public string[] Channels { get; set; }

    /// <summary>When it connected.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>The id of the last message queued for it (or where it resumed): the <c>id:</c> of its control frames.</summary>
    public long LastId { get; set; }

    /// <summary>Its last heartbeat (or its connection).</summary>
    public DateTimeOffset LastPulseAt => new(Interlocked.Read(ref _lastPulseTicks), TimeSpan.Zero);

    /// <summary>The frames to write.</summary>
    public ChannelReader<EventFrame> Reader => _queue.Reader;

    /// <summary>Frames queued and not written yet.</summary>
    public int Buffered => _queue.Reader.Count;

    /// <summary>Cancelled when the subscription is closed (dropped, expired, unregistered, its session revoked).</summary>
    public CancellationToken Closing => _closing.Token;

    /// <summary>True once it was dropped for not keeping up.</summary>
    public bool WasDropped => Volatile.Read(ref _dropped) == 1;

    /// <summary>True when the subscription is in <paramref name="channel"/> (always true for null).</summary>
    public bool InChannel(string? channel) => channel is null || Array.IndexOf(Channels, channel) >= 0;

    /// <summary>Queues a frame; false when the queue is full or closed.</summary>
    public bool TryEnqueue(EventFrame frame) => _queue.Writer.TryWrite(frame);

    /// <summary>Records a heartbeat.</summary>
    public void Pulse(DateTimeOffset now) => Interlocked.Exchange(ref _lastPulseTicks, now.UtcTicks);

    /// <summary>Ends the stream: no more frames, and its writer stops. Returns false when it was closed already.</summary>
    public bool Close(bool dropped = false)
    {
        if (Interlocked.Exchange(ref _closed, 1) == 1) return false;
        if (dropped) Volatile.Write(ref _dropped, 1);
        _queue.Writer.TryComplete();
        _closing.Cancel();
        return true;
    }

    /// <summary>True the first time it is called: the leave notice is sent once, whoever ends the subscription.</summary>
    public bool TryMarkLeft() => Interlocked.Exchange(ref _left, 1) == 0;

    /// <summary>
    /// What other members see of it (<c>cmd.onJoin</c>, <c>cmd.onLeave</c>, <c>cmd.onHeartbeat</c>): never its id, which
    /// is its owner's capability.
    /// </summary>
    public string MetaJson(IReadOnlyList<string>? channels = null)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            WriteMeta(writer, channels);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes the member properties (userId, displayName, isAuthenticated, channels, createdAt) into an object.</summary>
    public void WriteMeta(Utf8JsonWriter writer, IReadOnlyList<string>? channels = null)
    {
        writer.WriteString("userId", Identity.UserId);
        writer.WriteString("displayName", Identity.DisplayName);
        writer.WriteBoolean("isAuthenticated", Identity.IsAuthenticated);
        writer.WriteString("channels", string.Join(',', channels ?? Channels));
        writer.WriteNumber("createdAt", CreatedAt.ToUnixTimeMilliseconds());
    }

    /// <summary>The public description <see cref="IServerEvents.GetSubscriptions"/> lists.</summary>
    public ServerEventSubscriptionInfo ToInfo() =>
        new(Id, Identity.UserId, Identity.DisplayName, Identity.IsAuthenticated, Identity.SessionId, [.. Channels], CreatedAt, LastPulseAt, Buffered);
}
