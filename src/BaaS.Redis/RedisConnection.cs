using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace BaaS.Redis;

/// <summary>
/// The app's one connection to Redis (a StackExchange.Redis multiplexer, shared by everything that talks to Redis).
/// It connects in the background, so the app starts while Redis is down, and it reconnects by itself: nothing keeps a
/// broken state, every call asks the same multiplexer, which answers again once Redis does. While it is disconnected
/// commands fail at once (no queue), so callers get misses rather than waits.
/// </summary>
public sealed class RedisConnection : IAsyncDisposable
{
    private readonly ConfigurationOptions _options;
    private readonly ILogger<RedisConnection> _logger;
    private readonly Lock _gate = new();
    private Task<ConnectionMultiplexer>? _multiplexer;
    private int _lost;

    /// <summary>Creates the connection from parsed options; nothing connects until <see cref="Start"/> or the first call.</summary>
    public RedisConnection(ConfigurationOptions options, ILogger<RedisConnection> logger)
    {
        _options = options;
        _logger = logger;
    }

    /// <summary>
    /// Parses a StackExchange.Redis configuration string (<c>host:port,password=...,ssl=true</c>) into the options the
    /// platform uses: never abort when Redis is down at start, fail commands at once while disconnected, retry the
    /// connection every second.
    /// </summary>
    /// <exception cref="ConfigurationException">The string cannot be parsed; the message names <paramref name="setting"/>.</exception>
    public static ConfigurationOptions ParseConfiguration(string configuration, string setting = "ConnectionStrings:Redis")
    {
        ConfigurationOptions options;
        try
        {
            options = ConfigurationOptions.Parse(configuration);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or NotSupportedException)
        {
            throw new ConfigurationException([$"{setting} is not a Redis configuration string (host:port[,password=...][,ssl=true]): {e.Message}"], e);
        }
        if (options.EndPoints.Count == 0)
            throw new ConfigurationException($"{setting} names no Redis server: give host:port, e.g. 127.0.0.1:6379.");
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ReconnectRetryPolicy ??= new LinearRetry(1000);
        return options;
    }

    /// <summary>True while the multiplexer has a live connection.</summary>
    public bool IsConnected => Volatile.Read(ref _multiplexer) is { IsCompletedSuccessfully: true } task && task.Result.IsConnected;

    /// <summary>Starts connecting without waiting (the app's start calls it).</summary>
    public void Start() => _ = GetMultiplexerAsync();

    /// <summary>
    /// The multiplexer, once its first connection attempt has ended (connected or not: it keeps trying by itself). Should
    /// creating it fail outright, the next call tries again: a failure is never kept.
    /// </summary>
    public Task<ConnectionMultiplexer> GetMultiplexerAsync()
    {
        lock (_gate)
        {
            if (_multiplexer is null || _multiplexer.IsFaulted || _multiplexer.IsCanceled) _multiplexer = ConnectAsync();
            return _multiplexer;
        }
    }

    /// <summary>The configured database on the shared multiplexer.</summary>
    public async Task<IDatabase> GetDatabaseAsync() => (await GetMultiplexerAsync().ConfigureAwait(false)).GetDatabase();

    private async Task<ConnectionMultiplexer> ConnectAsync()
    {
        RedisLog.Connecting(_logger, string.Join(", ", _options.EndPoints.Select(e => e.ToString())));
        var multiplexer = await ConnectionMultiplexer.ConnectAsync(_options).ConfigureAwait(false);
        multiplexer.ConnectionFailed += (_, e) =>
        {
            // Once per outage, not once per reconnection attempt.
            if (e.ConnectionType == ConnectionType.Interactive && Interlocked.Exchange(ref _lost, 1) == 0)
                RedisLog.ConnectionFailed(_logger, e.EndPoint?.ToString() ?? "?", e.FailureType.ToString(), e.Exception);
        };
        multiplexer.ConnectionRestored += (_, e) =>
        {
            if (e.ConnectionType == ConnectionType.Interactive && Interlocked.Exchange(ref _lost, 0) == 1)
                RedisLog.ConnectionRestored(_logger, e.EndPoint?.ToString() ?? "?");
        };
        return multiplexer;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Task<ConnectionMultiplexer>? task;
        lock (_gate) task = _multiplexer;
        if (task is null) return;
        try
        {
            var multiplexer = await task.ConfigureAwait(false);
            await multiplexer.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is RedisException or InvalidOperationException)
        {
            // It never connected: nothing to close.
        }
    }
}
