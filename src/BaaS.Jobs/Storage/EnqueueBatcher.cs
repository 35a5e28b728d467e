namespace BaaS.Jobs;

/// <summary>
/// Group commit for new jobs: callers that enqueue while a write is in flight wait for the next one, which stores all
/// their jobs with one multi-row INSERT (one round trip and one commit, however many callers). A caller alone is
/// written at once, by itself, without waiting. Each caller still gets its own id, and its own error: when the
/// shared INSERT is refused, the jobs are written again one by one, so one bad row does not sink the others.
/// A job is stored (committed) before its caller's task completes, as with a single INSERT.
/// </summary>
internal sealed class EnqueueBatcher(JobStore store)
{
    /// <summary>The most jobs one INSERT takes (37 parameters each: well within both databases' limits).</summary>
    public const int MaxBatch = 200;

    private readonly object _lock = new();
    private readonly List<Pending> _pending = [];
    private bool _writing;

    /// <summary>Whether a write is in flight (jobs enqueued now wait for the next one).</summary>
    public bool IsWriting
    {
        get
        {
            lock (_lock) return _writing;
        }
    }

    /// <summary>A job waiting to be written, and its caller's task.</summary>
    private sealed class Pending(JobRecord job, CancellationToken ct)
    {
        public JobRecord Job { get; } = job;
        public CancellationToken Ct { get; } = ct;
        public TaskCompletionSource<long> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>
    /// Stores the job and answers its id. Cancelled before its row was sent, the job is not stored; cancelled while
    /// the write carrying it is in flight, the caller stops waiting but the job may be stored (as with any write
    /// whose caller hangs up mid-way).
    /// </summary>
    public async Task<long> EnqueueAsync(JobRecord job, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var item = new Pending(job, ct);
        bool lead;
        lock (_lock)
        {
            _pending.Add(item);
            lead = !_writing;
            _writing = true;
        }
        // The caller that finds no write in flight writes its own batch inline (no thread hop for a lone caller);
        // whoever queued meanwhile is written by the next write, started when this one ends.
        if (lead) await WriteNextAsync().ConfigureAwait(false);
        return await item.Done.Task.WaitAsync(ct).ConfigureAwait(false);
    }

    // Writes one batch of pending jobs, then hands the rest to a fresh write on the thread pool (so a caller never
    // writes other callers' later batches while its own task waits), or marks that no write is in flight.
    private async Task WriteNextAsync()
    {
        List<Pending> batch;
        lock (_lock)
        {
            batch = new List<Pending>(Math.Min(_pending.Count, MaxBatch));
            var taken = 0;
            foreach (var item in _pending)
            {
                if (batch.Count == MaxBatch) break;
                taken++;
                if (item.Ct.IsCancellationRequested) item.Done.TrySetCanceled(item.Ct);
                else batch.Add(item);
            }
            _pending.RemoveRange(0, taken);
        }
        if (batch.Count > 0) await WriteAsync(batch).ConfigureAwait(false);
        lock (_lock)
        {
            if (_pending.Count == 0)
            {
                _writing = false;
                return;
            }
        }
        _ = Task.Run(WriteNextAsync);
    }

    private async Task WriteAsync(List<Pending> batch)
    {
        try
        {
            var ids = await store.InsertManyAsync(batch.ConvertAll(b => b.Job), CancellationToken.None).ConfigureAwait(false);
            for (var i = 0; i < batch.Count; i++) batch[i].Done.TrySetResult(ids[i]);
        }
        catch (JobStore.RowsRefusedException) when (batch.Count > 1)
        {
            // The database refused a row, and with it the whole INSERT (nothing was stored): write each job on its
            // own, so only the caller of the bad row sees the error.
            foreach (var item in batch)
            {
                try
                {
                    item.Done.TrySetResult(await store.InsertOneAsync(item.Job, CancellationToken.None).ConfigureAwait(false));
                }
                catch (Exception e)
                {
                    item.Done.TrySetException(e);
                }
            }
        }
        catch (JobStore.RowsRefusedException refused)
        {
            batch[0].Done.TrySetException(refused.InnerException!);
        }
        catch (Exception e)
        {
            // Not a refusal (the connection failed, say): whether the rows were stored is unknown, so nothing is
            // written again; every caller gets the error, as a single INSERT's caller would.
            foreach (var item in batch) item.Done.TrySetException(e);
        }
    }
}
