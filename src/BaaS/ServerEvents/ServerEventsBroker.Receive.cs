namespace BaaS.ServerEvents;

internal sealed partial class ServerEventsBroker
{
    /// <inheritdoc />
    public void Receive(long id, string payload)
    {
        BusEnvelope envelope;
        try
        {
            envelope = BusEnvelope.Decode(payload);
        }
        catch (FormatException e)
        {
            ServerEventsLog.Unreadable(_logger, id, e);
            return;
        }

        if (envelope.Kind == BusKind.Pulse)
        {
            if (envelope.Value is { } pulsed) Pulse(pulsed);
            return;
        }
        List<EventSubscription>? ended = null;
        var isClose = envelope.Kind == BusKind.Close;
        lock (_gate)
        {
            if (isClose)
            {
                ended = [.. Targets(envelope)];
                foreach (var subscription in ended) RemoveLocked(subscription);
            }
            else
            {
                // The last received, not the largest: ids are given in publish order, but a bus may hand them over in
                // commit order, and a subscription's position is a place in the replay log, which follows the bus.
                _lastId = id;
                var frame = EventFrame.Create(id, envelope.FrameChannel, envelope.Selector, envelope.Json);
                if (envelope.Replay) _replay.Add(envelope, frame);
                foreach (var subscription in Targets(envelope))
                {
                    if (subscription.TryEnqueue(frame))
                    {
                        subscription.LastId = id;
                        _delivered++;
                        continue;
                    }
                    (ended ??= []).Add(subscription);
                }
                // Removed after the walk: the sets being walked must not change under it.
                if (ended is not null) foreach (var subscription in ended) RemoveLocked(subscription);
            }
        }
        if (ended is null) return;
        foreach (var subscription in ended)
        {
            if (isClose) subscription.Close();
            else Drop(subscription);
        }
    }

    /// <inheritdoc />
    public void Disconnected(Exception? reason) => ServerEventsLog.BusDisconnected(_logger, _bus.Name, reason?.Message ?? "connection lost", reason);

    /// <inheritdoc />
    public void Reconnected() => ServerEventsLog.BusReconnected(_logger, _bus.Name);

    // Under the lock: the subscriptions an envelope is for on this node.
    private IEnumerable<EventSubscription> Targets(BusEnvelope envelope)
    {
        IEnumerable<EventSubscription> found = envelope.Target switch
        {
            ServerEventTargetKind.All => _byId.Values,
            ServerEventTargetKind.Channel => _channels.Get(envelope.Value!),
            ServerEventTargetKind.User => _users.Get(envelope.Value!),
            ServerEventTargetKind.Role => _roles.Get(envelope.Value!),
            ServerEventTargetKind.Session => _sessions.Get(envelope.Value!),
            ServerEventTargetKind.Subscription => _byId.TryGetValue(envelope.Value!, out var one) ? [one] : [],
            _ => [],
        };
        return envelope.Channel is null ? found : found.Where(s => s.InChannel(envelope.Channel));
    }

    // Whether a replayed message is for this (new) subscription: the same test as routing, on its identity. A message to
    // one subscription is never replayed to another (a reconnection has a new id).
    private static bool MaySee(EventSubscription subscription, BusEnvelope envelope)
    {
        var identity = subscription.Identity;
        var value = envelope.Value;
        var reached = envelope.Target switch
        {
            ServerEventTargetKind.All => true,
            ServerEventTargetKind.Channel => subscription.InChannel(value),
            ServerEventTargetKind.User => identity.IsAuthenticated && identity.UserId == value,
            ServerEventTargetKind.Role => identity.IsAuthenticated && value is not null && identity.Roles.Contains(value),
            ServerEventTargetKind.Session => identity.SessionId is not null && identity.SessionId == value,
            _ => false,
        };
        return reached && subscription.InChannel(envelope.Channel);
    }
}
