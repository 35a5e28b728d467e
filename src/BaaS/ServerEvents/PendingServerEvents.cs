namespace BaaS.ServerEvents;

/// <summary>
/// Events that <see cref="PublishEventAttribute"/>s built during one call (a batch: all its writes), held on the
/// request until the outer <see cref="PublishEventFilter"/> sees the call succeed: only then have the writes committed.
/// </summary>
internal sealed class PendingServerEvents
{
    private readonly List<Pending> _events = [];

    /// <summary>One event and where it goes.</summary>
    public sealed record Pending(string RequestType, ServerEventTarget Target, object Message);

    public IReadOnlyList<Pending> Events => _events;

    public void Add(Pending pending)
    {
        lock (_events) _events.Add(pending);
    }
}
