using System.Threading.Channels;

namespace BaaS.RequestLogs;

/// <summary>
/// The bounded queue between the calls and the writer, and the log's counters. Adding never waits: when the queue
/// holds <see cref="RequestLogsOptions.Capacity"/> rows, the new row is dropped and counted, so a flood of calls costs
/// at most the queue's memory and never slows a call.
/// </summary>
internal sealed class RequestLogQueue
{
    private readonly Channel<RequestLogEntry> _channel;
    private long _recorded;
    private long _dropped;
    private long _written;
    private long _failed;
    private long _lastWrittenTicks;

    public RequestLogQueue(RequestLogsOptions options)
    {
        Capacity = options.Capacity;
        // Wait mode with TryWrite: a full queue refuses the new row at once (TryWrite answers false, so it is counted);
        // DropWrite would also drop it, but TryWrite would answer true.
        _channel = Channel.CreateBounded<RequestLogEntry>(new BoundedChannelOptions(options.Capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = false,
            AllowSynchronousContinuations = false,
        });
    }

    /// <summary>The most rows the queue holds.</summary>
    public int Capacity { get; }

    /// <summary>The writer's end.</summary>
    public ChannelReader<RequestLogEntry> Reader => _channel.Reader;

    /// <summary>Rows accepted into the queue.</summary>
    public long Recorded => Interlocked.Read(ref _recorded);

    /// <summary>Rows refused because the queue was full (or the node was stopping).</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Rows written to the database.</summary>
    public long Written => Interlocked.Read(ref _written);

    /// <summary>Rows the database would not take after every retry.</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Rows waiting now.</summary>
    public int Pending => _channel.Reader.Count;

    /// <summary>When the last batch was written, or null.</summary>
    public DateTime? LastWrittenAt => Interlocked.Read(ref _lastWrittenTicks) is var ticks and > 0 ? new DateTime(ticks, DateTimeKind.Utc) : null;

    /// <summary>The last write's error, or null when the last write succeeded.</summary>
    public string? LastError { get; set; }

    /// <summary>True once the node is stopping: the writer then writes what is queued without waiting for more.</summary>
    public bool IsClosed { get; private set; }

    /// <summary>Queues a row, or drops and counts it when the queue is full; never waits.</summary>
    public void Add(RequestLogEntry entry)
    {
        if (_channel.Writer.TryWrite(entry)) Interlocked.Increment(ref _recorded);
        else Interlocked.Increment(ref _dropped);
    }

    /// <summary>Takes no more rows (those added later are dropped and counted); the writer drains what is queued.</summary>
    public void Close()
    {
        IsClosed = true;
        _channel.Writer.TryComplete();
    }

    /// <summary>Counts rows the writer could not keep (stopping with rows still queued).</summary>
    public void CountDropped(long count) => Interlocked.Add(ref _dropped, count);

    /// <summary>Counts a written batch.</summary>
    public void CountWritten(int count, DateTime at)
    {
        Interlocked.Add(ref _written, count);
        Interlocked.Exchange(ref _lastWrittenTicks, at.Ticks);
        LastError = null;
    }

    /// <summary>Counts a batch the database would not take.</summary>
    public void CountFailed(int count, string error)
    {
        Interlocked.Add(ref _failed, count);
        LastError = error;
    }
}
