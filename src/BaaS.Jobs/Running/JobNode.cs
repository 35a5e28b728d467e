using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BaaS.Jobs;

/// <summary>
/// This process as a jobs node: a hosted service that creates the schema and registers the app's schedules at start,
/// then (unless <see cref="JobsOptions.RunWorker"/> is off) runs five loops: claim and run jobs, renew leases (and
/// notice cancellations and takeovers), write progress and logs, maintain the queue (dependencies, dead nodes'
/// jobs, archiving), and queue due schedules. On stop, running jobs get <see cref="JobsOptions.ShutdownGracePeriod"/>
/// to finish; the rest are cancelled and given back to the queue, so no job is lost.
/// </summary>
internal sealed partial class JobNode(
    JobStore store, JobRunner runner, CompletionWriter writer, JobFactory factory, CommandRegistry commands, ILogger<JobNode> logger)
    : IHostedService
{
    private readonly JobsOptions _options = store.Options;
    private readonly ConcurrentDictionary<long, RunningJob> _running = new();
    private readonly Signal _wake = new();
    private readonly CancellationTokenSource _stopClaiming = new();
    private readonly CancellationTokenSource _stopLeases = new();
    private Task[] _claimLoops = [];
    private Task[] _leaseLoops = [];
    private Task _writer = Task.CompletedTask;
    private volatile bool _started;
    private volatile bool _stopped;
    private long _lastPollTicks;

    /// <summary>This node's name.</summary>
    public string Name => _options.NodeName;

    /// <summary>True between a successful start and stop, when this node runs jobs.</summary>
    public bool IsWorking => _started && !_stopped && _options.RunWorker;

    /// <summary>When the claim loop last ran (UTC).</summary>
    public DateTime LastPollAt => new(Interlocked.Read(ref _lastPollTicks), DateTimeKind.Utc);

    /// <summary>How many jobs this node runs now.</summary>
    public int RunningCount => _running.Count;

    /// <summary>Whether a claim loop died (the health check reports it).</summary>
    public bool IsFaulted => _claimLoops.Any(t => t.IsFaulted) || _leaseLoops.Any(t => t.IsFaulted) || _writer.IsFaulted;

    /// <summary>Makes the claim loop look for jobs now (a job was queued or a dependency released).</summary>
    public void Wake() => _wake.Set();

    /// <summary>Stops a job this node is running, at once; false when it does not run it.</summary>
    public bool TryStop(long id, StopReason reason)
    {
        if (!_running.TryGetValue(id, out var run)) return false;
        run.Stop(reason);
        return true;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (await store.OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            // opening creates or upgrades the schema
        }
        foreach (var recurring in _options.Recurring)
        {
            var schedule = factory.ForRecurring(recurring.Name, recurring.Schedule, commands.Get(recurring.CommandType), recurring.Arg, recurring.Options);
            await store.UpsertScheduleAsync(schedule, cancellationToken).ConfigureAwait(false);
        }
        _started = true;
        if (!_options.RunWorker) return;
        Interlocked.Exchange(ref _lastPollTicks, store.Now.Ticks);
        // A single-writer database has one writer at a time anyway; with row locks a few overlap their round trips.
        var writers = store.Sql.LocksRows ? 2 : 1;
        _writer = Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(writer.RunAsync, CancellationToken.None)));
        _claimLoops =
        [
            Task.Run(() => ClaimLoopAsync(_stopClaiming.Token), CancellationToken.None),
            Task.Run(() => MaintenanceLoopAsync(_stopClaiming.Token), CancellationToken.None),
            Task.Run(() => ScheduleLoopAsync(_stopClaiming.Token), CancellationToken.None),
            store.Sql.Notifies ? Task.Run(() => ListenLoopAsync(_stopClaiming.Token), CancellationToken.None) : Task.CompletedTask,
        ];
        _leaseLoops =
        [
            Task.Run(() => RenewLoopAsync(_stopLeases.Token), CancellationToken.None),
            Task.Run(() => FlushLoopAsync(_stopLeases.Token), CancellationToken.None),
        ];
        LogStarted(logger, Name, _options.Concurrency);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (!_started || _stopped) return;
        _stopped = true;
        if (!_options.RunWorker) return;

        // 1. Take no more work.
        await _stopClaiming.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_claimLoops).ConfigureAwait(false);

        // 2. Let running jobs finish within the grace period (leases are still renewed meanwhile).
        var runs = _running.Values.ToList();
        if (runs.Count > 0)
        {
            LogDraining(logger, runs.Count, _options.ShutdownGracePeriod);
            await WaitQuietlyAsync(Task.WhenAll(runs.Select(r => r.Run)), _options.ShutdownGracePeriod, cancellationToken).ConfigureAwait(false);
        }

        // 3. Cancel the rest and give them back to the queue, without counting the attempt.
        var left = _running.Values.ToList();
        foreach (var run in left) run.Stop(StopReason.Shutdown);
        await WaitQuietlyAsync(Task.WhenAll(left.Select(r => r.Run)), TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
        foreach (var run in _running.Values.ToList()) await ReleaseAsync(run).ConfigureAwait(false);

        // 4. Write the outcomes still queued, then stop renewing leases.
        writer.Complete();
        await WaitQuietlyAsync(_writer, TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false);
        await _stopLeases.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_leaseLoops).ConfigureAwait(false);
        LogStopped(logger, Name);
    }

    private static async Task WaitQuietlyAsync(Task task, TimeSpan timeout, CancellationToken ct)
    {
        try
        {
            await task.WaitAsync(timeout, ct).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // out of time, or the task failed: either way the caller moves on to its next step
        }
    }

    private void Start(JobRecord job)
    {
        var run = new RunningJob(job, _options.MaxLogLength);
        _running[job.Id] = run;
        run.Run = Task.Run(() => ExecuteAsync(run));
    }

    private async Task ExecuteAsync(RunningJob run)
    {
        try
        {
            var finish = await runner.RunAsync(run).ConfigureAwait(false);
            if (finish is not null)
            {
                if (!await writer.WriteAsync(finish).ConfigureAwait(false)) LogNotRecorded(logger, run.Job.Id, Name);
            }
            else if (run.Reason == StopReason.Shutdown)
            {
                await ReleaseAsync(run).ConfigureAwait(false);
            }
            else
            {
                LogLeaseLost(logger, run.Job.Id, Name);
            }
        }
        catch (Exception e)
        {
            LogRunFailed(logger, run.Job.Id, e);
        }
        finally
        {
            _running.TryRemove(run.Job.Id, out _);
            _wake.Set();
        }
    }

    /// <summary>Gives a job this node runs back to the queue (its attempt recorded as Interrupted, not counted).</summary>
    private async Task ReleaseAsync(RunningJob run)
    {
        if (!_running.TryRemove(run.Job.Id, out _)) return;
        var job = run.Job;
        try
        {
            await run.WriteLock.WaitAsync(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
            var attempts = JobRunner.AttemptsBefore(job);
            attempts.Add(new JobAttempt
            {
                Attempt = job.Attempts, Node = Name, StartedAt = job.StartedAt, EndedAt = store.Now, Outcome = "Interrupted",
                Error = "The node shut down; the job went back to the queue.",
            });
            var chunk = run.TakeChanges()?.Chunk ?? "";
            if (await store.ReleaseAsync(Name, job.Id, job.Attempts, chunk, JobRunner.Serialize(attempts), CancellationToken.None).ConfigureAwait(false))
                LogReleased(logger, job.Id, Name);
        }
        catch (Exception e)
        {
            // Its lease expires instead, and another node takes it over.
            LogReleaseFailed(logger, job.Id, e);
        }
    }
}
