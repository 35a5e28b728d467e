using System.Net;

namespace BaaS.Client;

public sealed partial class ServerEventsClient
{
    private async Task RunAsync(CancellationToken stop)
    {
        var delay = InitialReconnectDelay;
        var refreshed = false;
        while (!stop.IsCancellationRequested)
        {
            using var connection = CancellationTokenSource.CreateLinkedTokenSource(stop);
            lock (_gate) _connection = connection;
            var connected = false;
            try
            {
                using var request = StreamRequest();
                using var response = await ServiceClient.HttpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, connection.Token).ConfigureAwait(false);
                if (!response.IsSuccessStatusCode)
                {
                    var error = await ServiceClient.ErrorOfAsync(response, connection.Token).ConfigureAwait(false);
                    if (response.StatusCode == HttpStatusCode.Unauthorized && !refreshed && await ServiceClient.TryRefreshAsync(connection.Token).ConfigureAwait(false))
                    {
                        refreshed = true;
                        continue;
                    }
                    if (IsRefusal(response.StatusCode))
                    {
                        Report(error);
                        _connected?.TrySetException(error);
                        return;
                    }
                    throw error;
                }
                refreshed = false;
                var stream = await response.Content.ReadAsStreamAsync(connection.Token).ConfigureAwait(false);
                await using (stream.ConfigureAwait(false))
                {
                    await ReadAsync(stream, connection, () =>
                    {
                        connected = true;
                        delay = InitialReconnectDelay;
                    }).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is HttpRequestException or IOException or WebServiceException or OperationCanceledException)
            {
                // Cancelled here without stop: Reconnect(), or a heartbeat the server no longer knows.
                if (e is not OperationCanceledException) Report(e);
            }
            finally
            {
                lock (_gate) _connection = null;
            }
            if (stop.IsCancellationRequested) return;
            var wait = connected ? InitialReconnectDelay : delay;
            OnReconnect?.Invoke(wait);
            try
            {
                await Task.Delay(wait, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            if (!connected) delay = TimeSpan.FromTicks(Math.Min(MaxReconnectDelay.Ticks, delay.Ticks * 2));
        }
    }

    // Reads the text/event-stream: "field: value" lines, a blank line ends an event (id: and data: are what the server
    // sends; several data: lines join with a line break; comments and other fields are ignored).
    private async Task ReadAsync(Stream stream, CancellationTokenSource connection, Action onConnected)
    {
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        using var heartbeats = new CancellationTokenSource();
        using var stopHeartbeats = CancellationTokenSource.CreateLinkedTokenSource(connection.Token, heartbeats.Token);
        Task? heartbeat = null;
        var data = new System.Text.StringBuilder();
        string? id = null;
        try
        {
            while (await reader.ReadLineAsync(connection.Token).ConfigureAwait(false) is { } line)
            {
                if (line.Length == 0)
                {
                    if (id is not null) LastEventId = id;
                    if (data.Length > 0 && Dispatch(id, data.ToString()) is { } connect)
                    {
                        onConnected();
                        heartbeat ??= HeartbeatAsync(connect, connection, stopHeartbeats.Token);
                    }
                    data.Clear();
                    id = null;
                    continue;
                }
                if (line[0] == ':') continue;
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                var field = colon < 0 ? line : line[..colon];
                var value = colon < 0 ? "" : line[(colon + 1)..];
                if (value.StartsWith(' ')) value = value[1..];
                if (field == "data")
                {
                    if (data.Length > 0) data.Append('\n');
                    data.Append(value);
                }
                else if (field == "id" && !value.Contains('\0', StringComparison.Ordinal))
                {
                    id = value;
                }
            }
        }
        finally
        {
            await heartbeats.CancelAsync().ConfigureAwait(false);
            if (heartbeat is not null) await heartbeat.ConfigureAwait(false);
        }
    }

    // POSTs the heartbeat URL every heartbeatIntervalMs; an unknown subscription (404: expired, or the server restarted)
    // or a failure ends the connection, so the client reconnects with a new subscription.
    private async Task HeartbeatAsync(ServerEventConnect connect, CancellationTokenSource connection, CancellationToken stop)
    {
        var interval = TimeSpan.FromMilliseconds(connect.HeartbeatIntervalMs > 0 ? connect.HeartbeatIntervalMs : 10_000);
        try
        {
            while (true)
            {
                await Task.Delay(interval, stop).ConfigureAwait(false);
                using var message = new HttpRequestMessage(HttpMethod.Post, connect.HeartbeatUrl);
                ServiceClient.ApplyClientHeaders(message);
                using var response = await ServiceClient.HttpClient.SendAsync(message, stop).ConfigureAwait(false);
                if (response.IsSuccessStatusCode) continue;
                Report(await ServiceClient.ErrorOfAsync(response, stop).ConfigureAwait(false));
                await connection.CancelAsync().ConfigureAwait(false);
                return;
            }
        }
        catch (OperationCanceledException)
        {
            // the connection ended
        }
        catch (HttpRequestException e)
        {
            Report(e);
            await connection.CancelAsync().ConfigureAwait(false);
        }
    }

    // Hands one event to its handlers; answers the subscription when it was a cmd.onConnect.
    private ServerEventConnect? Dispatch(string? id, string data)
    {
        var eventId = long.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
        if (ServerEventMessage.Parse(eventId, data) is not { } message) return null;
        try
        {
            if (message.Op == "cmd")
            {
                switch (message.Target)
                {
                    case "onConnect":
                        var connect = message.Body<ServerEventConnect>()!;
                        ConnectionInfo = connect;
                        OnConnect?.Invoke(connect);
                        _connected?.TrySetResult(connect);
                        return connect;
                    case "onJoin":
                        OnJoin?.Invoke(Member(message));
                        return null;
                    case "onLeave":
                        OnLeave?.Invoke(Member(message));
                        return null;
                    case "onHeartbeat":
                        OnHeartbeat?.Invoke(Member(message));
                        return null;
                }
            }
            Action<ServerEventMessage>? handler;
            lock (_gate) _handlers.TryGetValue(message.Selector, out handler);
            handler?.Invoke(message);
            OnMessage?.Invoke(message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Report(e);
        }
        return null;
    }

    private static ServerEventUser Member(ServerEventMessage message)
    {
        var user = message.Body<ServerEventUser>() ?? new ServerEventUser();
        user.Channel = message.Channel;
        return user;
    }

    private void Report(Exception e)
    {
        try
        {
            OnException?.Invoke(e);
        }
        catch (Exception)
        {
            // a failing error handler must not end the stream
        }
    }
}
