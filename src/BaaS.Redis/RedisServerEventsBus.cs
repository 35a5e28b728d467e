using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace BaaS.Redis;

/// <summary>
/// The server events' bus on Redis pub/sub: a publish is one script that takes the next id from the counter
/// <c>{prefix}server-events:id</c> and publishes <c>{id} {payload}</c> on the channel <c>{prefix}server-events</c>, so
/// ids are the same on every node and in the order Redis published them. Every node subscribes on the shared
/// multiplexer, which subscribes again by itself after Redis comes back.
/// </summary>
internal sealed class RedisServerEventsBus(RedisConnection connection, string keyPrefix, ILogger<RedisServerEventsBus> logger) : IServerEventsBus
{
    private const string PublishScript = """
        local id = redis.call('INCR', KEYS[1])
        redis.call('PUBLISH', ARGV[1], id .. ' ' .. ARGV[2])
        return id
        """;

    private readonly RedisChannel _channel = RedisChannel.Literal(keyPrefix + "server-events");
    private readonly RedisKey _counter = keyPrefix + "server-events:id";
    private readonly CancellationTokenSource _stop = new();
    private IServerEventsReceiver? _receiver;
    private ChannelMessageQueue? _queue;
    private Task? _subscribing;
    private int _down;
    private int _disposed;

    public string Name => "redis";

    public async Task StartAsync(IServerEventsReceiver receiver, CancellationToken cancellationToken)
    {
        _receiver = receiver;
        var multiplexer = await connection.GetMultiplexerAsync().ConfigureAwait(false);
        multiplexer.ConnectionFailed += OnConnectionFailed;
        multiplexer.ConnectionRestored += OnConnectionRestored;
        var subscribed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _subscribing = SubscribeAsync(multiplexer, subscribed, _stop.Token);
        // Wait for the subscription (so a message published right after start is heard), not for a Redis that is away.
        await Task.WhenAny(subscribed.Task, Task.Delay(TimeSpan.FromSeconds(10), cancellationToken)).ConfigureAwait(false);
    }

    public async Task PublishAsync(string payload, CancellationToken cancellationToken)
    {
        try
        {
            var db = await connection.GetDatabaseAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
            await db.ScriptEvaluateAsync(PublishScript, [_counter], [(RedisValue)_channel.ToString(), payload]).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RedisException or TimeoutException or ObjectDisposedException)
        {
            throw new ServerEventsUnavailableException($"Redis cannot be reached to publish a server event: {e.Message}", e);
        }
    }

    // Idempotent: the container disposes it under both registrations (keyed, and as the app's bus).
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_subscribing is not null) await _subscribing.ConfigureAwait(false);
        if (_queue is not null)
        {
            try
            {
                await _queue.UnsubscribeAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is RedisException or ObjectDisposedException)
            {
                // Redis is away or the connection is closed: nothing to unsubscribe from
            }
        }
        _stop.Dispose();
    }

    // Subscribes, trying again every second while Redis is away at start; once subscribed, the multiplexer keeps the
    // subscription across reconnections. Messages are handed over one at a time, in the order Redis sent them.
    private async Task SubscribeAsync(ConnectionMultiplexer multiplexer, TaskCompletionSource subscribed, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                _queue = await multiplexer.GetSubscriber().SubscribeAsync(_channel).ConfigureAwait(false);
                _queue.OnMessage(message => Receive(message.Message));
                subscribed.TrySetResult();
                if (Interlocked.Exchange(ref _down, 0) == 1) _receiver?.Reconnected();
                return;
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                if (Interlocked.Exchange(ref _down, 1) == 0) _receiver?.Disconnected(e);
                subscribed.TrySetResult();
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private void Receive(RedisValue message)
    {
        var text = (string?)message;
        var space = text?.IndexOf(' ', StringComparison.Ordinal) ?? -1;
        if (text is null || space <= 0 || !long.TryParse(text.AsSpan(0, space), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
        {
            RedisLog.UnreadableEvent(logger);
            return;
        }
        _receiver?.Receive(id, text[(space + 1)..]);
    }

    private void OnConnectionFailed(object? sender, ConnectionFailedEventArgs e)
    {
        if (e.ConnectionType == ConnectionType.Subscription && _queue is not null && Interlocked.Exchange(ref _down, 1) == 0)
            _receiver?.Disconnected(e.Exception);
    }

    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs e)
    {
        if (e.ConnectionType == ConnectionType.Subscription && Interlocked.Exchange(ref _down, 0) == 1)
            _receiver?.Reconnected();
    }
}
