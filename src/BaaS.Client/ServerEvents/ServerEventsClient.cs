using System.Net;
using System.Net.Http.Headers;

namespace BaaS.Client;

/// <summary>
/// A client of the server's <c>/event-stream</c>: it connects to channels, hands each message to the handler of its
/// type (<see cref="On{T}(Action{T})"/>, the selector <c>cmd.{TypeName}</c>) or selector, sends the heartbeats the
/// server asks for, reconnects by itself with a growing delay (sending <c>Last-Event-ID</c>, so messages sent meanwhile
/// within the server's replay window arrive), and unregisters when stopped or disposed.
/// <code>
/// await using var events = new ServerEventsClient(client, "order-42")
///     .On&lt;OrderStatusChanged&gt;(e =&gt; Console.WriteLine(e.Status));
/// await events.StartAsync();
/// </code>
/// </summary>
public sealed partial class ServerEventsClient : IAsyncDisposable
{
    private readonly bool _ownsClient;
    private readonly Dictionary<string, Action<ServerEventMessage>> _handlers = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private CancellationTokenSource? _stop;
    private CancellationTokenSource? _connection;
    private Task? _loop;
    private TaskCompletionSource<ServerEventConnect>? _connected;

    /// <summary>A client of the server at <paramref name="baseUrl"/> (with a JsonApiClient of its own) on <paramref name="channels"/>.</summary>
    public ServerEventsClient(string baseUrl, params string[] channels) : this(new JsonApiClient(baseUrl), true, channels) { }

    /// <summary>
    /// A client that uses <paramref name="client"/>'s HttpClient, bearer token, refresh token and headers, so it is signed
    /// in as the API calls are, on <paramref name="channels"/>.
    /// </summary>
    public ServerEventsClient(JsonApiClient client, params string[] channels) : this(client, false, channels) { }

    private ServerEventsClient(JsonApiClient client, bool ownsClient, string[] channels)
    {
        ServiceClient = client ?? throw new ArgumentNullException(nameof(client));
        _ownsClient = ownsClient;
        Channels = [.. channels ?? []];
    }

    /// <summary>The JSON API client whose HttpClient and credentials the stream uses.</summary>
    public JsonApiClient ServiceClient { get; }

    /// <summary>The channels to join (changes apply at the next connection).</summary>
    public List<string> Channels { get; }

    /// <summary>The current subscription (from the last <c>cmd.onConnect</c>), or null before one.</summary>
    public ServerEventConnect? ConnectionInfo { get; private set; }

    /// <summary>The id of the last message received: sent as <c>Last-Event-ID</c> when reconnecting.</summary>
    public string? LastEventId { get; set; }

    /// <summary>Called with each <c>cmd.onConnect</c> (the first connection and every reconnection).</summary>
    public Action<ServerEventConnect>? OnConnect { get; set; }

    /// <summary>Called when someone joins one of the channels (when the server sends join notices).</summary>
    public Action<ServerEventUser>? OnJoin { get; set; }

    /// <summary>Called when someone leaves one of the channels (when the server sends leave notices).</summary>
    public Action<ServerEventUser>? OnLeave { get; set; }

    /// <summary>Called with <c>cmd.onHeartbeat</c>, the server's answer to each heartbeat.</summary>
    public Action<ServerEventUser>? OnHeartbeat { get; set; }

    /// <summary>Called with every message that is not a connection notice (after its typed handler, if any).</summary>
    public Action<ServerEventMessage>? OnMessage { get; set; }

    /// <summary>Called with what went wrong: a refused connection, a lost one, a failed heartbeat, a handler that threw.</summary>
    public Action<Exception>? OnException { get; set; }

    /// <summary>Called before each reconnection, with the delay it waits first.</summary>
    public Action<TimeSpan>? OnReconnect { get; set; }

    /// <summary>The first wait before reconnecting; doubled after each failed attempt. Default 500 ms.</summary>
    public TimeSpan InitialReconnectDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest wait between reconnection attempts. Default 30 s.</summary>
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Handles messages of type <typeparamref name="T"/> (selector <c>cmd.{T's name}</c>), their JSON read as <typeparamref name="T"/>.</summary>
    public ServerEventsClient On<T>(Action<T> handler) => On<T>((message, _) => handler(message));

    /// <summary>Handles messages of type <typeparamref name="T"/>, with the message around them (channel, id).</summary>
    public ServerEventsClient On<T>(Action<T, ServerEventMessage> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var name = typeof(T).Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        return Handle("cmd." + (tick < 0 ? name : name[..tick]), message => handler(message.Body<T>()!, message));
    }

    /// <summary>Handles messages with <paramref name="selector"/> (e.g. <c>cmd.announce</c>); one handler per selector.</summary>
    public ServerEventsClient Handle(string selector, Action<ServerEventMessage> handler)
    {
        ArgumentException.ThrowIfNullOrEmpty(selector);
        ArgumentNullException.ThrowIfNull(handler);
        lock (_gate) _handlers[selector] = handler;
        return this;
    }

    /// <summary>
    /// Connects and keeps the stream open in the background; answers the first <c>cmd.onConnect</c>. A refusal
    /// (400, 401 without a refresh token that helps, 403, 404) throws its <see cref="WebServiceException"/> and stops.
    /// </summary>
    public async Task<ServerEventConnect> StartAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_loop is not null) throw new InvalidOperationException("The client is started already.");
            _stop = new CancellationTokenSource();
            _connected = new TaskCompletionSource<ServerEventConnect>(TaskCreationOptions.RunContinuationsAsynchronously);
            _loop = Task.Run(() => RunAsync(_stop.Token));
        }
        using (cancellationToken.Register(() => _connected.TrySetCanceled(cancellationToken)))
            return await _connected.Task.ConfigureAwait(false);
    }

    /// <summary>Ends the current connection; the client reconnects (after the first delay) as after a lost connection.</summary>
    public void Reconnect()
    {
        CancellationTokenSource? connection;
        lock (_gate) connection = _connection;
        connection?.Cancel();
    }

    /// <summary>Stops listening and unregisters the subscription (best effort: the server expires it anyway).</summary>
    public async Task StopAsync()
    {
        Task? loop;
        CancellationTokenSource? stop;
        lock (_gate)
        {
            loop = _loop;
            stop = _stop;
            _loop = null;
        }
        if (loop is null || stop is null) return;
        await stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // stopped
        }
        stop.Dispose();
        if (ConnectionInfo is { UnRegisterUrl.Length: > 0 } info)
        {
            try
            {
                using var message = new HttpRequestMessage(HttpMethod.Post, info.UnRegisterUrl);
                ServiceClient.ApplyClientHeaders(message);
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                using var response = await ServiceClient.HttpClient.SendAsync(message, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
            {
                // the server is away: it expires the subscription by itself
            }
        }
        ConnectionInfo = null;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        if (_ownsClient) ServiceClient.Dispose();
    }

    private HttpRequestMessage StreamRequest()
    {
        var url = "event-stream?channels=" + Uri.EscapeDataString(string.Join(',', Channels));
        var message = new HttpRequestMessage(HttpMethod.Get, new Uri(ServiceClient.HttpClient.BaseAddress!, url));
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        message.Headers.CacheControl = new CacheControlHeaderValue { NoCache = true };
        if (LastEventId is { Length: > 0 } lastEventId) message.Headers.TryAddWithoutValidation("Last-Event-ID", lastEventId);
        ServiceClient.ApplyClientHeaders(message);
        return message;
    }

    // 4xx answers other than 408 and 429 are the server's "no": trying again changes nothing.
    private static bool IsRefusal(HttpStatusCode status) => (int)status is >= 400 and < 500 and not 408 and not 429;
}
