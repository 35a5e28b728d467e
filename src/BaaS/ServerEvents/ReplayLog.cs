namespace BaaS.ServerEvents;

/// <summary>
/// The messages a node received lately, in the bus's order (the same on every node), so that a client reconnecting with
/// <c>Last-Event-ID</c> gets what it missed: at most <c>capacity</c> messages, none older than <c>window</c>. Not
/// thread-safe: the broker uses it under its lock.
/// </summary>
internal sealed class ReplayLog(int capacity, TimeSpan window, TimeProvider clock)
{
    private readonly Queue<Entry> _entries = new();

    /// <summary>A message held for replay.</summary>
    public sealed record Entry(BusEnvelope Envelope, EventFrame Frame, long ReceivedTicks);

    /// <summary>How many messages are held.</summary>
    public int Count => _entries.Count;

    /// <summary>Keeps a message, forgetting the oldest beyond the capacity or the window.</summary>
    public void Add(BusEnvelope envelope, EventFrame frame)
    {
        _entries.Enqueue(new Entry(envelope, frame, clock.GetUtcNow().UtcTicks));
        while (_entries.Count > capacity) _entries.Dequeue();
        Prune();
    }

    /// <summary>
    /// The messages after the one with id <paramref name="lastId"/>, in order. When that message is no longer held (or
    /// never was here), the messages with greater ids: what the node has, the older ones being gone.
    /// </summary>
    public List<Entry> After(long lastId)
    {
        Prune();
        var after = new List<Entry>();
        var found = false;
        foreach (var entry in _entries)
        {
            if (found) after.Add(entry);
            else if (entry.Frame.Id == lastId) found = true;
        }
        return found ? after : [.. _entries.Where(e => e.Frame.Id > lastId)];
    }

    private void Prune()
    {
        var oldest = clock.GetUtcNow().UtcTicks - window.Ticks;
        while (_entries.TryPeek(out var first) && first.ReceivedTicks < oldest) _entries.Dequeue();
    }
}
