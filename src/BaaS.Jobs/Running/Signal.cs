namespace BaaS.Jobs;

/// <summary>An auto-reset signal a loop can await with a timeout: many <see cref="Set"/>s before a wait wake it once.</summary>
internal sealed class Signal
{
    private TaskCompletionSource _source = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Set() => Volatile.Read(ref _source).TrySetResult();

    /// <summary>Waits until set, the timeout passes or the token fires (no exception); then resets.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        var source = Volatile.Read(ref _source);
        if (!source.Task.IsCompleted)
        {
            try
            {
                await source.Task.WaitAsync(timeout, ct).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
            }
            catch (OperationCanceledException)
            {
            }
        }
        if (source.Task.IsCompleted) Interlocked.CompareExchange(ref _source, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), source);
    }
}
