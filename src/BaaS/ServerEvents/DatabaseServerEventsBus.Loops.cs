using System.Globalization;
using BaaS.Data;

namespace BaaS.ServerEvents;

internal sealed partial class DatabaseServerEventsBus
{
    // Holds one connection that LISTENs and queues each notification's text; a lost connection is opened again (after
    // 1 s, then up to 5 s), and the receiver hears of the outage and of the recovery once each.
    private async Task ListenLoopAsync(TaskCompletionSource listening, CancellationToken stop)
    {
        var down = false;
        var delay = TimeSpan.FromSeconds(1);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await using var db = await _factory.OpenAsync(stop).ConfigureAwait(false);
                await EnsureSchemaAsync(db, stop).ConfigureAwait(false);
                await db.Dialect.ListenAsync(db, Channel, text =>
                {
                    if (text is not null)
                    {
                        _received.Writer.TryWrite(text);
                        return;
                    }
                    listening.TrySetResult();
                    delay = TimeSpan.FromSeconds(1);
                    if (!down) return;
                    down = false;
                    _receiver?.Reconnected();
                }, stop).ConfigureAwait(false);
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                if (!down)
                {
                    down = true;
                    _receiver?.Disconnected(e);
                }
                listening.TrySetResult();
                try
                {
                    await Task.Delay(delay, _clock, stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
                delay = TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(5).Ticks, delay.Ticks * 2));
            }
        }
    }

    // Hands the notifications to the receiver in the order they came, reading stored payloads where the notification
    // had only the id; now and then deletes stored payloads nobody needs any more.
    private async Task DispatchLoopAsync(CancellationToken stop)
    {
        try
        {
            await foreach (var text in _received.Reader.ReadAllAsync(stop).ConfigureAwait(false))
            {
                var space = text.IndexOf(' ', StringComparison.Ordinal);
                if (space <= 0 || !long.TryParse(text.AsSpan(0, space), NumberStyles.None, CultureInfo.InvariantCulture, out var id)) continue;
                string? payload = text[(space + 1)..];
                if (payload == "*") payload = await ReadStoredAsync(id, stop).ConfigureAwait(false);
                if (payload is not null) _receiver?.Receive(id, payload);
                await CleanupAsync(stop).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // stopped
        }
    }

    private async Task<string?> ReadStoredAsync(long id, CancellationToken stop)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var db = await _factory.OpenAsync(stop).ConfigureAwait(false);
                var record = await db.SingleByIdAsync<ServerEventPayloadRecord>(id, stop).ConfigureAwait(false);
                if (record is null) ServerEventsLog.PayloadMissing(_logger, id);
                return record?.Payload;
            }
            catch (Exception e) when (e is not OperationCanceledException && attempt < 3)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), _clock, stop).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                ServerEventsLog.PayloadUnreadable(_logger, id, e);
                return null;
            }
        }
    }

    private async Task CleanupAsync(CancellationToken stop)
    {
        var now = _clock.GetUtcNow();
        if (now.UtcTicks - Interlocked.Read(ref _lastCleanupTicks) < CleanupInterval.Ticks) return;
        Interlocked.Exchange(ref _lastCleanupTicks, now.UtcTicks);
        try
        {
            await using var db = await _factory.OpenAsync(stop).ConfigureAwait(false);
            var before = (now - PayloadLifetime).UtcDateTime;
            await db.DeleteAsync<ServerEventPayloadRecord>(r => r.CreatedAt < before, stop).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            ServerEventsLog.CleanupFailed(_logger, e);
        }
    }
}
