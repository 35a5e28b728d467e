namespace BaaS;

/// <summary>
/// Publishes server events to the subscribers of <c>/event-stream</c>, on every node of the app (through the bus that
/// configuration chooses: in process, Redis pub/sub or PostgreSQL LISTEN/NOTIFY), and ends streams. Services get it by
/// injection; the typed helpers (<c>NotifyChannelAsync(channel, message)</c>, <c>NotifyUserAsync</c>...) are in
/// <see cref="ServerEventsExtensions"/>.
/// </summary>
/// <remarks>
/// A message is written to each subscription as <c>id: N</c> and <c>data: [channel@]selector json</c>: the
/// selector of <see cref="NotifyAsync"/> is e.g. <c>cmd.announce</c>, and a typed message's is
/// <c>cmd.{TypeName}</c>. When the bus cannot be reached, publishing throws <see cref="ServerEventsUnavailableException"/>
/// (503 with <c>Retry-After</c> when left uncaught).
/// </remarks>
public interface IServerEvents
{
    /// <summary>
    /// Publishes <paramref name="message"/> (serialized with the wire JSON; null for none) under <paramref name="selector"/>
    /// to the subscriptions <paramref name="target"/> names. With <paramref name="channel"/>, only subscriptions in that
    /// channel receive it, as <c>channel@selector</c> (a message to a channel always carries its channel).
    /// </summary>
    /// <exception cref="ArgumentException">A selector, channel or target that cannot be written, or a message over the size limit.</exception>
    /// <exception cref="ServerEventsUnavailableException">The bus cannot be reached.</exception>
    Task NotifyAsync(ServerEventTarget target, string selector, object? message, string? channel = null, CancellationToken cancellationToken = default);

    /// <summary>As <see cref="NotifyAsync"/>, with the message already serialized as JSON.</summary>
    Task NotifyJsonAsync(ServerEventTarget target, string selector, string json, string? channel = null, CancellationToken cancellationToken = default);

    /// <summary>Ends every stream of the session <paramref name="sessionId"/> (the access token's <c>sid</c>), on every node.</summary>
    /// <exception cref="ServerEventsUnavailableException">The bus cannot be reached.</exception>
    Task CloseSessionStreamsAsync(string sessionId, CancellationToken cancellationToken = default);

    /// <summary>Ends every stream of the user <paramref name="userId"/>, on every node.</summary>
    /// <exception cref="ServerEventsUnavailableException">The bus cannot be reached.</exception>
    Task CloseUserStreamsAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>The subscriptions connected to this node, optionally only those in <paramref name="channel"/>.</summary>
    IReadOnlyList<ServerEventSubscriptionInfo> GetSubscriptions(string? channel = null);

    /// <summary>This node's counters: subscriptions, buffered messages, drops.</summary>
    ServerEventsStats GetStats();
}
