namespace BaaS.ServerEvents;

internal sealed partial class ServerEventsBroker
{
    /// <summary>
    /// Adds a subscription, unless its user (or, anonymous, its address) has as many as the limit allows on this node.
    /// Answers the frames its stream writes first: <c>cmd.onConnect</c> (its JSON is <paramref name="connectJson"/>),
    /// then, when <paramref name="resumeAfter"/> is given, the replayable messages it missed and may see; its queue then
    /// gets every later message. Null when refused.
    /// </summary>
    public List<EventFrame>? Register(EventSubscription subscription, long? resumeAfter, string connectJson)
    {
        var identity = subscription.Identity;
        List<EventFrame> initial;
        lock (_gate)
        {
            if (identity.IsAuthenticated ? _users.Count(identity.UserId) >= _options.MaxSubscriptionsPerUser
                : identity.Address is { } address && _anonymousPerAddress.GetValueOrDefault(address) >= _options.MaxSubscriptionsPerAddress)
                return null;
            var position = resumeAfter ?? _lastId;
            initial = [EventFrame.Create(position, null, "cmd.onConnect", connectJson)];
            if (resumeAfter is { } lastId)
            {
                foreach (var entry in _replay.After(lastId))
                {
                    if (!MaySee(subscription, entry.Envelope)) continue;
                    initial.Add(entry.Frame);
                    position = entry.Frame.Id;
                }
            }
            subscription.LastId = position;
            AddLocked(subscription);
        }
        return initial;
    }

    /// <summary>Tells the subscription's channels that it joined (when <see cref="ServerEventsOptions.NotifyChannelOfSubscriptions"/>).</summary>
    public Task AnnounceJoinAsync(EventSubscription subscription) =>
        _options.NotifyChannelOfSubscriptions ? NoticeAsync(subscription, "cmd.onJoin", subscription.Channels) : Task.CompletedTask;

    /// <summary>Removes a subscription and closes its stream; its channels hear that it left (once, whoever calls).</summary>
    public async Task UnregisterAsync(EventSubscription subscription)
    {
        lock (_gate) RemoveLocked(subscription);
        subscription.Close();
        if (subscription.TryMarkLeft() && _options.NotifyChannelOfSubscriptions)
            await NoticeAsync(subscription, "cmd.onLeave", subscription.Channels).ConfigureAwait(false);
    }

    /// <summary>Records a heartbeat of subscription <paramref name="id"/> and sends it <c>cmd.onHeartbeat</c>; false when there is no such subscription.</summary>
    public bool Pulse(string id)
    {
        EventSubscription? subscription;
        var drop = false;
        lock (_gate)
        {
            if (!_byId.TryGetValue(id, out subscription)) return false;
            subscription.Pulse(_clock.GetUtcNow());
            if (!subscription.TryEnqueue(EventFrame.Create(subscription.LastId, null, "cmd.onHeartbeat", subscription.MetaJson())))
            {
                RemoveLocked(subscription);
                drop = true;
            }
        }
        if (drop) Drop(subscription);
        return true;
    }

    /// <summary>
    /// Joins and leaves channels on a live subscription (already checked against the rules): its old channels hear it
    /// left those it left, the new ones that it joined. Answers its channels after the change.
    /// </summary>
    /// <exception cref="HttpError">It would be in more channels than allowed (400).</exception>
    public async Task<string[]> UpdateChannelsAsync(EventSubscription subscription, IReadOnlyList<string> join, IReadOnlyList<string> leave)
    {
        string[] before, after;
        lock (_gate)
        {
            before = subscription.Channels;
            after = [.. before.Except(leave, StringComparer.Ordinal).Concat(join).Distinct(StringComparer.Ordinal)];
            if (after.Length > _options.MaxChannelsPerSubscription)
                throw HttpError.Validation(nameof(UpdateEventSubscriber.SubscribeChannels), "TooManyChannels",
                    $"A subscription may be in at most {_options.MaxChannelsPerSubscription} channels (BaaS:ServerEvents:MaxChannelsPerSubscription).");
            if (_byId.ContainsKey(subscription.Id))
            {
                foreach (var channel in before) _channels.Remove(channel, subscription);
                foreach (var channel in after) _channels.Add(channel, subscription);
            }
            subscription.Channels = after;
        }
        if (_options.NotifyChannelOfSubscriptions)
        {
            await NoticeAsync(subscription, "cmd.onLeave", [.. before.Except(after, StringComparer.Ordinal)]).ConfigureAwait(false);
            await NoticeAsync(subscription, "cmd.onJoin", [.. after.Except(before, StringComparer.Ordinal)]).ConfigureAwait(false);
        }
        return after;
    }

    /// <summary>Ends the subscriptions that sent no heartbeat within the idle timeout; answers how many.</summary>
    public int ExpireIdle()
    {
        var now = _clock.GetUtcNow();
        List<EventSubscription> idle;
        lock (_gate)
        {
            idle = [.. _byId.Values.Where(s => now - s.LastPulseAt > _options.IdleTimeout)];
            foreach (var subscription in idle) RemoveLocked(subscription);
        }
        foreach (var subscription in idle)
        {
            if (!subscription.Close()) continue;
            Interlocked.Increment(ref _expired);
            ServerEventsLog.Expired(_logger, subscription.Id, subscription.Identity.UserId, (int)_options.IdleTimeout.TotalSeconds);
        }
        return idle.Count;
    }

    /// <summary>Ends every stream (the app is stopping).</summary>
    public void CloseAll()
    {
        List<EventSubscription> all;
        lock (_gate) all = [.. _byId.Values];
        foreach (var subscription in all) subscription.Close();
    }

    private void AddLocked(EventSubscription subscription)
    {
        var identity = subscription.Identity;
        _byId[subscription.Id] = subscription;
        foreach (var channel in subscription.Channels) _channels.Add(channel, subscription);
        if (identity.IsAuthenticated)
        {
            _users.Add(identity.UserId, subscription);
            foreach (var role in identity.Roles) _roles.Add(role, subscription);
        }
        else if (identity.Address is { } address)
        {
            _anonymousPerAddress[address] = _anonymousPerAddress.GetValueOrDefault(address) + 1;
        }
        if (identity.SessionId is { } session) _sessions.Add(session, subscription);
    }

    private bool RemoveLocked(EventSubscription subscription)
    {
        if (!_byId.Remove(subscription.Id)) return false;
        var identity = subscription.Identity;
        foreach (var channel in subscription.Channels) _channels.Remove(channel, subscription);
        if (identity.IsAuthenticated)
        {
            _users.Remove(identity.UserId, subscription);
            foreach (var role in identity.Roles) _roles.Remove(role, subscription);
        }
        else if (identity.Address is { } address)
        {
            var left = _anonymousPerAddress.GetValueOrDefault(address) - 1;
            if (left <= 0) _anonymousPerAddress.Remove(address);
            else _anonymousPerAddress[address] = left;
        }
        if (identity.SessionId is { } session) _sessions.Remove(session, subscription);
        return true;
    }

    private void Drop(EventSubscription subscription)
    {
        if (!subscription.Close(dropped: true)) return;
        Interlocked.Increment(ref _dropped);
        ServerEventsLog.Dropped(_logger, subscription.Id, subscription.Identity.UserId, _options.BufferSize);
    }

    // Join and leave notices are messages to each channel like any other (so members on every node hear them), but
    // never replayed: a reconnecting client learns who is there from /event-subscribers.
    private async Task NoticeAsync(EventSubscription subscription, string selector, IReadOnlyList<string> channels)
    {
        if (channels.Count == 0) return;
        var json = subscription.MetaJson();
        foreach (var channel in channels)
        {
            try
            {
                var envelope = new BusEnvelope(BusKind.Message, ServerEventTargetKind.Channel, channel, null, selector, json, Replay: false);
                await _bus.PublishAsync(envelope.Encode(), CancellationToken.None).ConfigureAwait(false);
            }
            catch (ServerEventsUnavailableException e)
            {
                ServerEventsLog.NoticeLost(_logger, selector, channel, e);
            }
        }
    }
}
