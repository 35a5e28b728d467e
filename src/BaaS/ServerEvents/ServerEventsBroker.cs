using System.Text;
using System.Text.Json;
using BaaS.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BaaS.ServerEvents;

/// <summary>
/// A node's subscriptions and the one path every message takes: published through the bus (<see cref="IServerEvents"/>),
/// received from it (<see cref="IServerEventsReceiver"/>), encoded once, kept for replay and queued for each
/// subscription it is for. Registering and routing run under one lock, so a stream that connects gets every message
/// exactly once: replayed (from before it registered) or queued (after).
/// </summary>
internal sealed partial class ServerEventsBroker : IServerEvents, IServerEventsReceiver
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, EventSubscription> _byId = new(StringComparer.Ordinal);
    private readonly SubscriptionIndex _channels = new();
    private readonly SubscriptionIndex _users = new();
    private readonly SubscriptionIndex _roles = new();
    private readonly SubscriptionIndex _sessions = new();
    private readonly Dictionary<string, int> _anonymousPerAddress = new(StringComparer.Ordinal);
    private readonly ReplayLog _replay;
    private readonly IServerEventsBus _bus;
    private readonly ServerEventsOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<ServerEventsBroker> _logger;
    private long _lastId;
    private long _delivered;
    private long _dropped;
    private long _expired;

    public ServerEventsBroker(IServerEventsBus bus, IOptions<ServerEventsOptions> options, TimeProvider clock, ILogger<ServerEventsBroker> logger,
        System.Diagnostics.Metrics.IMeterFactory? meterFactory = null)
    {
        _bus = bus;
        _options = options.Value;
        _clock = clock;
        _logger = logger;
        _replay = new ReplayLog(_options.ReplayMessages, _options.ReplayWindow, clock);
        Metrics = new ServerEventsMetrics(meterFactory, this);
    }

    /// <summary>The broker's instruments on the <c>BaaS.ServerEvents</c> meter.</summary>
    public ServerEventsMetrics Metrics { get; }

    /// <summary>The streams open on this node.</summary>
    internal int SubscriptionCount
    {
        get
        {
            lock (_gate) return _byId.Count;
        }
    }

    /// <summary>Messages queued to this node's streams since it started.</summary>
    internal long Delivered => Interlocked.Read(ref _delivered);

    /// <summary>Messages dropped from full stream queues since it started.</summary>
    internal long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>The settings.</summary>
    public ServerEventsOptions Options => _options;

    /// <summary>The bus.</summary>
    public IServerEventsBus Bus => _bus;

    /// <summary>The time the broker reads (a test's fake clock).</summary>
    public TimeProvider Clock => _clock;

    /// <inheritdoc />
    public Task NotifyAsync(ServerEventTarget target, string selector, object? message, string? channel = null, CancellationToken cancellationToken = default) =>
        NotifyJsonAsync(target, selector, message is null ? null : JsonSerializer.Serialize(message, message.GetType(), JsonProtocol.Options), channel, cancellationToken, compact: false);

    /// <inheritdoc />
    public Task NotifyJsonAsync(ServerEventTarget target, string selector, string json, string? channel = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(json);
        return NotifyJsonAsync(target, selector, json, channel, cancellationToken, compact: true);
    }

    private Task NotifyJsonAsync(ServerEventTarget target, string selector, string? json, string? channel, CancellationToken cancellationToken, bool compact)
    {
        CheckSelector(selector);
        CheckTarget(target);
        if (channel is not null && !ChannelRules.IsValidName(channel))
            throw new ArgumentException($"'{channel}' is not a channel name: use 1 to {ChannelRules.MaxNameLength} letters, digits and - _ . : ~", nameof(channel));
        // A line break would end the SSE data line: JSON given as text is written again without any.
        if (compact && json is not null && json.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            using var document = JsonDocument.Parse(json);
            json = document.RootElement.GetRawText();
            if (json.AsSpan().IndexOfAny('\r', '\n') >= 0) json = JsonSerializer.Serialize(document.RootElement);
        }
        if (json is not null && Encoding.UTF8.GetByteCount(json) > _options.MaxMessageBytes)
            throw new ArgumentException(
                $"The message is {Encoding.UTF8.GetByteCount(json)} bytes of JSON, over BaaS:ServerEvents:MaxMessageBytes ({_options.MaxMessageBytes}): send an id and let clients fetch the rest.",
                nameof(json));
        var envelope = new BusEnvelope(BusKind.Message, target.Kind, target.Value, channel, selector, json, Replay: true);
        return _bus.PublishAsync(envelope.Encode(), cancellationToken);
    }

    /// <inheritdoc />
    public Task CloseSessionStreamsAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        return _bus.PublishAsync(new BusEnvelope(BusKind.Close, ServerEventTargetKind.Session, sessionId, null, "", null, false).Encode(), cancellationToken);
    }

    /// <inheritdoc />
    public Task CloseUserStreamsAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        return _bus.PublishAsync(new BusEnvelope(BusKind.Close, ServerEventTargetKind.User, userId, null, "", null, false).Encode(), cancellationToken);
    }

    /// <summary>
    /// Passes a heartbeat (<paramref name="close"/> false) or an unregistering (true) of a subscription this node does
    /// not hold to the other nodes, through the bus: behind a load balancer the request may come to any node. Only
    /// well-formed ids (32 hex digits) go out, and never on the in-process bus (one node: the subscription does not exist).
    /// </summary>
    public async Task<bool> ForwardAsync(string id, bool close, CancellationToken cancellationToken)
    {
        if (_bus is MemoryServerEventsBus || id.Length != 32 || !id.All(char.IsAsciiHexDigitLower)) return false;
        var envelope = new BusEnvelope(close ? BusKind.Close : BusKind.Pulse, ServerEventTargetKind.Subscription, id, null, "", null, false);
        await _bus.PublishAsync(envelope.Encode(), cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <inheritdoc />
    public IReadOnlyList<ServerEventSubscriptionInfo> GetSubscriptions(string? channel = null)
    {
        lock (_gate)
        {
            var subscriptions = channel is null ? _byId.Values : _channels.Get(channel);
            return [.. subscriptions.Select(s => s.ToInfo()).OrderBy(s => s.CreatedAt)];
        }
    }

    /// <summary>The subscriptions in any of <paramref name="channels"/> (all of them for none), oldest first.</summary>
    public List<EventSubscription> SubscriptionsIn(IReadOnlyList<string> channels)
    {
        lock (_gate)
        {
            var found = channels.Count == 0 ? _byId.Values.ToList() : channels.SelectMany(_channels.Get).Distinct().ToList();
            return [.. found.OrderBy(s => s.CreatedAt)];
        }
    }

    /// <inheritdoc />
    public ServerEventsStats GetStats()
    {
        lock (_gate)
        {
            return new ServerEventsStats(_bus.Name, _byId.Count, _byId.Values.Sum(s => (long)s.Buffered), Interlocked.Read(ref _delivered),
                Interlocked.Read(ref _dropped), Interlocked.Read(ref _expired), _replay.Count, _lastId);
        }
    }

    /// <summary>The subscription with this id on this node, or null.</summary>
    public EventSubscription? Find(string id)
    {
        lock (_gate) return _byId.GetValueOrDefault(id);
    }

    private static void CheckSelector(string selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        // ServiceStack's clients split "op.target" at the first dot, and the frame at the first space and '@'.
        var dot = selector.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || dot == selector.Length - 1 || selector.Length > 200 || selector.Any(c => char.IsWhiteSpace(c) || c == '@'))
            throw new ArgumentException($"'{selector}' is not a selector: write op.target (e.g. cmd.announce), without spaces or '@'.", nameof(selector));
    }

    private static void CheckTarget(ServerEventTarget target)
    {
        if (target.Kind == ServerEventTargetKind.All) return;
        if (string.IsNullOrEmpty(target.Value))
            throw new ArgumentException($"A {target.Kind} target needs a value.", nameof(target));
        if (target.Kind == ServerEventTargetKind.Channel && !ChannelRules.IsValidName(target.Value))
            throw new ArgumentException($"'{target.Value}' is not a channel name: use 1 to {ChannelRules.MaxNameLength} letters, digits and - _ . : ~", nameof(target));
    }
}
