namespace BaaS.ServerEvents;

/// <summary>
/// The bus of a single node: a publish hands the payload to this node's receiver at once, on the publisher's thread, with
/// the next id. Ids start from the clock (Unix milliseconds × 1000), so they keep growing across restarts.
/// </summary>
internal sealed class MemoryServerEventsBus(TimeProvider clock) : IServerEventsBus
{
    private readonly Lock _gate = new();
    private long _lastId = clock.GetUtcNow().ToUnixTimeMilliseconds() * 1000;
    private IServerEventsReceiver? _receiver;

    public string Name => "memory";

    public Task StartAsync(IServerEventsReceiver receiver, CancellationToken cancellationToken)
    {
        _receiver = receiver;
        return Task.CompletedTask;
    }

    public Task PublishAsync(string payload, CancellationToken cancellationToken)
    {
        // Ids are given and handed over under one lock, so the receiver sees them in order.
        lock (_gate) _receiver?.Receive(++_lastId, payload);
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        _receiver = null;
        return ValueTask.CompletedTask;
    }
}
