using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BaaS.RequestLogs;

/// <summary>
/// Writes the queued rows off the request path: creates the tables when the node starts, then takes up to
/// <see cref="RequestLogsOptions.BatchSize"/> rows at a time (waiting up to <see cref="RequestLogsOptions.BatchInterval"/>
/// for a batch to fill) and writes each batch in one transaction, retrying a failed write a few times. When the node
/// stops it takes no more rows and writes what is queued for up to <see cref="RequestLogsOptions.ShutdownTimeout"/>.
/// </summary>
internal sealed class RequestLogWriter(RequestLogQueue queue, RequestLogStore store, RequestLogsOptions options, TimeProvider clock,
    ILogger<RequestLogWriter> logger) : IHostedService, IAsyncDisposable
{
    private static readonly TimeSpan DropReportInterval = TimeSpan.FromSeconds(10);

    private readonly CancellationTokenSource _abort = new();
    private Task? _loop;
    private long _reportedDropped;
    private long _lastReportTicks;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        _loop = Task.Run(() => RunAsync(_abort.Token), CancellationToken.None);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Close();
        if (_loop is null) return;
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(options.ShutdownTimeout);
        try
        {
            await _loop.WaitAsync(bound.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Out of time: stop the batch in flight; what is left is counted below.
            await _abort.CancelAsync().ConfigureAwait(false);
            await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        long left = 0;
        while (queue.Reader.TryRead(out _)) left++;
        if (left > 0)
        {
            queue.CountDropped(left);
            Log.LeftOnShutdown(logger, left);
        }
        ReportDrops(force: true);
    }

    private async Task RunAsync(CancellationToken ct)
    {
        var batch = new List<RequestLogEntry>(Math.Min(options.BatchSize, 1024));
        try
        {
            while (await queue.Reader.WaitToReadAsync(ct).ConfigureAwait(false))
            {
                await FillAsync(batch, ct).ConfigureAwait(false);
                await WriteAsync(batch, ct).ConfigureAwait(false);
                batch.Clear();
                ReportDrops(force: false);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            queue.CountDropped(batch.Count); // taken but not written
        }
    }

    /// <summary>
    /// Takes up to a batch, waiting up to <see cref="RequestLogsOptions.BatchInterval"/> for it to fill, but looking again
    /// every 50 ms: a burst fills a batch within a step and is written at once, rather than piling up in the queue (and
    /// overflowing it) while the writer sleeps. A stopping node does not wait.
    /// </summary>
    private async Task FillAsync(List<RequestLogEntry> batch, CancellationToken ct)
    {
        var deadline = clock.GetTimestamp() + (long)(options.BatchInterval.TotalSeconds * clock.TimestampFrequency);
        while (true)
        {
            Take(batch);
            if (batch.Count >= options.BatchSize || queue.IsClosed) return;
            var remaining = clock.GetElapsedTime(clock.GetTimestamp(), deadline);
            if (remaining <= TimeSpan.Zero) return;
            await Task.Delay(remaining < FillStep ? remaining : FillStep, clock, ct).ConfigureAwait(false);
        }
    }

    private static readonly TimeSpan FillStep = TimeSpan.FromMilliseconds(50);

    private void Take(List<RequestLogEntry> batch)
    {
        while (batch.Count < options.BatchSize && queue.Reader.TryRead(out var entry)) batch.Add(entry);
    }

    private async Task WriteAsync(List<RequestLogEntry> batch, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await store.WriteAsync(batch, ct).ConfigureAwait(false);
                queue.CountWritten(batch.Count, clock.GetUtcNow().UtcDateTime);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                if (attempt > options.WriteRetries)
                {
                    queue.CountFailed(batch.Count, e.Message);
                    Log.WriteFailed(logger, batch.Count, attempt, e);
                    return;
                }
                Log.WriteRetry(logger, batch.Count, attempt, e);
                // 0.25 s, 0.5 s, 1 s... up to 10 s: a database restarting gets time to come back.
                var delay = TimeSpan.FromMilliseconds(Math.Min(10_000, 250 * Math.Pow(2, attempt - 1)));
                await Task.Delay(delay, clock, ct).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Logs the rows dropped since the last report, at most every 10 seconds unless forced.</summary>
    private void ReportDrops(bool force)
    {
        var dropped = queue.Dropped;
        var reported = Interlocked.Read(ref _reportedDropped);
        if (dropped <= reported) return;
        var now = clock.GetUtcNow().UtcTicks;
        if (!force && now - Interlocked.Read(ref _lastReportTicks) < DropReportInterval.Ticks) return;
        Interlocked.Exchange(ref _lastReportTicks, now);
        Interlocked.Exchange(ref _reportedDropped, dropped);
        Log.Dropped(logger, dropped - reported, dropped, queue.Capacity);
    }

    public ValueTask DisposeAsync()
    {
        _abort.Dispose();
        return ValueTask.CompletedTask;
    }
}
