using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace BaaS.Jobs;

/// <summary>
/// Records the ends of attempts in batches: runners hand over their <see cref="JobFinish"/> and wait; a writer takes
/// everything pending and writes it in one transaction, so many jobs finishing together cost one commit. Several
/// writers may run (on PostgreSQL, where their transactions touch disjoint rows and overlap their round trips).
/// </summary>
internal sealed partial class CompletionWriter(JobStore store, ILogger<CompletionWriter> logger)
{
    private const int MaxBatch = 256;
    private readonly Channel<(JobFinish Finish, TaskCompletionSource<bool> Done)> _queue =
        Channel.CreateUnbounded<(JobFinish, TaskCompletionSource<bool>)>(new UnboundedChannelOptions { SingleReader = false });

    /// <summary>Queues a write; the task answers whether it was recorded (false: the node no longer held the job).</summary>
    public Task<bool> WriteAsync(JobFinish finish)
    {
        var done = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_queue.Writer.TryWrite((finish, done))) done.SetException(new InvalidOperationException("The jobs node has stopped."));
        return done.Task;
    }

    /// <summary>Writes until <see cref="Complete"/> is called and everything queued is written (one writer; run it several times for more).</summary>
    public async Task RunAsync()
    {
        var batch = new List<(JobFinish Finish, TaskCompletionSource<bool> Done)>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var item)) batch.Add(item);
            if (batch.Count == 0) continue;
            try
            {
                var applied = await store.FinishAsync(batch.Select(b => b.Finish).ToList(), CancellationToken.None).ConfigureAwait(false);
                for (var i = 0; i < batch.Count; i++) batch[i].Done.TrySetResult(applied[i]);
            }
            catch (Exception e) when (batch.Count > 1)
            {
                // One bad write must not sink the others: write them one by one.
                foreach (var (finish, done) in batch) await WriteOneAsync(finish, done).ConfigureAwait(false);
                LogBatchSplit(logger, batch.Count, e);
            }
            catch (Exception e)
            {
                Fail(batch[0].Done, e);
            }
        }
    }

    private async Task WriteOneAsync(JobFinish finish, TaskCompletionSource<bool> done)
    {
        try
        {
            done.TrySetResult((await store.FinishAsync([finish], CancellationToken.None).ConfigureAwait(false))[0]);
        }
        catch (Exception e)
        {
            Fail(done, e);
        }
    }

    // The job keeps its lease until it expires; then another node (or this one) runs it again.
    private void Fail(TaskCompletionSource<bool> done, Exception e)
    {
        LogWriteFailed(logger, e);
        done.TrySetException(e);
    }

    /// <summary>Stops taking writes; <see cref="RunAsync"/> ends once the queue is written.</summary>
    public void Complete() => _queue.Writer.TryComplete();

    [LoggerMessage(EventId = 7010, Level = LogLevel.Error, Message = "Could not record the end of a job attempt; its lease will expire and it will run again")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 7011, Level = LogLevel.Warning, Message = "A batch of {Count} job completions failed; writing them one by one")]
    private static partial void LogBatchSplit(ILogger logger, int count, Exception exception);
}
