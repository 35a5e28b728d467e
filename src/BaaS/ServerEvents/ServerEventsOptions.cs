namespace BaaS;

/// <summary>
/// The server events' settings: the channels and who may join them (in code), and the limits, bound from
/// <c>BaaS:ServerEvents</c> (e.g. <c>BaaS:ServerEvents:IdleTimeout</c>). Checked at startup.
/// </summary>
public sealed class ServerEventsOptions
{
    /// <summary>The configuration section: <c>BaaS:ServerEvents</c>.</summary>
    public const string SectionName = "BaaS:ServerEvents";

    private readonly List<ServerEventsChannel> _channels = [];

    /// <summary>The declared channels, in the order they were declared.</summary>
    public IReadOnlyList<ServerEventsChannel> Channels => _channels;

    /// <summary>
    /// Declares a channel (or a pattern ending in <c>*</c>, such as <c>order-*</c>) and returns it, to say who may join:
    /// <c>options.Channel("couriers").AllowRoles("Courier")</c>. A name declared twice is the same channel.
    /// </summary>
    public ServerEventsChannel Channel(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (_channels.FirstOrDefault(c => c.Name == name) is { } existing) return existing;
        var channel = new ServerEventsChannel(name);
        _channels.Add(channel);
        return channel;
    }

    /// <summary>
    /// Who may join a channel that no declaration matches: <see cref="ChannelAccess.Refused"/> (the default),
    /// <see cref="ChannelAccess.Anyone"/> or <see cref="ChannelAccess.SignedIn"/>.
    /// </summary>
    public ChannelAccess UndeclaredChannels { get; set; } = ChannelAccess.Refused;

    /// <summary>Message DTOs clients should know: listed in <c>/metadata/app.json</c> and generated at <c>/types/*</c>.</summary>
    public List<Type> EventTypes { get; } = [];

    /// <summary>Adds <typeparamref name="T"/> to <see cref="EventTypes"/>.</summary>
    public ServerEventsOptions AddEventType<T>()
    {
        if (!EventTypes.Contains(typeof(T))) EventTypes.Add(typeof(T));
        return this;
    }

    /// <summary>How often clients are told to send a heartbeat (<c>heartbeatIntervalMs</c> in <c>cmd.onConnect</c>). Default 10 s.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A subscription with no heartbeat for this long is ended. Default 30 s.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often idle subscriptions are looked for. Default 5 s.</summary>
    public TimeSpan HouseKeepingInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Whether a channel's subscribers are told when someone joins or leaves it (<c>channel@cmd.onJoin</c> /
    /// <c>cmd.onLeave</c> with the member's user id and name). Default false: it shows every member to every other.
    /// </summary>
    public bool NotifyChannelOfSubscriptions { get; set; }

    /// <summary>The most streams one signed-in user may have open on a node at once (429 beyond). Default 10.</summary>
    public int MaxSubscriptionsPerUser { get; set; } = 10;

    /// <summary>The most anonymous streams one client address may have open on a node at once (429 beyond). Default 10.</summary>
    public int MaxSubscriptionsPerAddress { get; set; } = 10;

    /// <summary>The most channels one stream may join (400 beyond). Default 20.</summary>
    public int MaxChannelsPerSubscription { get; set; } = 20;

    /// <summary>
    /// Messages queued for one subscription and not yet written: a subscription that falls this far behind is dropped
    /// (its stream closed) rather than slowing the others. Default 100.
    /// </summary>
    public int BufferSize { get; set; } = 100;

    /// <summary>The most messages a node keeps for replay to clients reconnecting with <c>Last-Event-ID</c>. Default 1000.</summary>
    public int ReplayMessages { get; set; } = 1000;

    /// <summary>How long a message stays replayable. Default 60 s.</summary>
    public TimeSpan ReplayWindow { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The largest message body (its JSON, in UTF-8 bytes). Default 64 KiB.</summary>
    public int MaxMessageBytes { get; set; } = 64 * 1024;

    /// <summary>
    /// The fan-out between nodes: <c>auto</c> (the default: Redis when BaaS.Redis has a connection, else the database's
    /// notifications when it has them, such as PostgreSQL's LISTEN/NOTIFY, else in process), <c>memory</c>,
    /// <c>database</c> or <c>redis</c>.
    /// </summary>
    public string Bus { get; set; } = "auto";
}
