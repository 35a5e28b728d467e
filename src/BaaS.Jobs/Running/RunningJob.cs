using System.Globalization;
using System.Text;

namespace BaaS.Jobs;

/// <summary>
/// A job this node is running: its claimed row, the token source that stops it, and the log lines and progress the
/// command reported since they were last written.
/// </summary>
internal sealed class RunningJob
{
    private readonly object _lock = new();
    private readonly StringBuilder _pending = new();
    private readonly int _maxLog;
    private int _logLength;
    private bool _truncated;
    private double? _progress;
    private string? _status;
    private bool _dirty;
    private int _reason;

    public RunningJob(JobRecord job, int maxLogLength)
    {
        Job = job;
        _maxLog = maxLogLength;
        _logLength = job.Log?.Length ?? 0;
    }

    public JobRecord Job { get; }

    public CancellationTokenSource Stopping { get; } = new();

    public StopReason Reason => (StopReason)Volatile.Read(ref _reason);

    /// <summary>
    /// Held by whoever writes the job's log and progress: the flush loop briefly, and the runner from its final read
    /// of them on, so a late flush can never land after (and be lost behind) the attempt's last write.
    /// </summary>
    public SemaphoreSlim WriteLock { get; } = new(1, 1);

    /// <summary>Set when the command returned and its outcome is being recorded.</summary>
    public volatile bool Finishing;

    /// <summary>The task running the job, set by the node.</summary>
    public Task Run { get; set; } = Task.CompletedTask;

    /// <summary>Fires the job's token, recording why (the first reason wins).</summary>
    public void Stop(StopReason reason)
    {
        if (Interlocked.CompareExchange(ref _reason, (int)reason, (int)StopReason.None) != (int)StopReason.None) return;
        Stopping.Cancel();
    }

    public void AppendLog(DateTime utc, string message)
    {
        lock (_lock)
        {
            if (_truncated) return;
            var line = $"{utc.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture)} {message}\n";
            if (_logLength + line.Length > _maxLog)
            {
                _truncated = true;
                line = $"[log truncated at {_maxLog} characters]\n";
            }
            _pending.Append(line);
            _logLength += line.Length;
            _dirty = true;
        }
    }

    public void SetProgress(double progress, string? status)
    {
        lock (_lock)
        {
            _progress = progress;
            if (status is not null) _status = status;
            _dirty = true;
        }
    }

    public (double? Progress, string? Status) Progress
    {
        get
        {
            lock (_lock) return (_progress, _status);
        }
    }

    /// <summary>What changed since the last call, or null when nothing did; the log lines are handed over.</summary>
    public (double? Progress, string? Status, string Chunk)? TakeChanges()
    {
        lock (_lock)
        {
            if (!_dirty) return null;
            _dirty = false;
            var chunk = _pending.ToString();
            _pending.Clear();
            return (_progress, _status, chunk);
        }
    }

    /// <summary>Puts back log lines whose write failed, ahead of newer ones.</summary>
    public void Restore(string chunk)
    {
        if (chunk.Length == 0) return;
        lock (_lock)
        {
            _pending.Insert(0, chunk);
            _dirty = true;
        }
    }
}
