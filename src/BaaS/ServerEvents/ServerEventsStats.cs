namespace BaaS;

/// <summary>A node's server-events counters (<see cref="IServerEvents.GetStats"/>).</summary>
/// <param name="Bus">The bus: <c>memory</c>, <c>redis</c> or <c>database</c>.</param>
/// <param name="Subscriptions">Subscriptions connected to this node now.</param>
/// <param name="BufferedMessages">Messages queued for them and not yet written (at most the buffer size each).</param>
/// <param name="Delivered">Messages this node queued for subscriptions since it started (one per subscription reached).</param>
/// <param name="Dropped">Subscriptions dropped since start because they could not keep up.</param>
/// <param name="Expired">Subscriptions ended since start because no heartbeat came within the idle timeout.</param>
/// <param name="ReplayMessages">Messages held for replay to reconnecting clients.</param>
/// <param name="LastEventId">The id of the last message this node received from the bus.</param>
public sealed record ServerEventsStats(string Bus, int Subscriptions, long BufferedMessages, long Delivered, long Dropped, long Expired,
    int ReplayMessages, long LastEventId);
