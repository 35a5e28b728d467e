using System.Collections.Concurrent;

namespace BaaS.Jobs;

internal sealed partial class JobNode
{
    private readonly ConcurrentDictionary<string, Schedule> _parsedSchedules = new(StringComparer.Ordinal);

    // Claims as many jobs as there are free slots, again at once while the queue keeps filling the claim; otherwise
    // waits for a wake-up (a job queued here, a slot freed) or the poll interval.
    private async Task ClaimLoopAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            Interlocked.Exchange(ref _lastPollTicks, store.Now.Ticks);
            var free = _options.Concurrency - _running.Count;
            if (free <= 0)
            {
                await _wake.WaitAsync(_options.PollInterval, stop).ConfigureAwait(false);
                continue;
            }
            var wanted = Math.Min(free, _options.ClaimBatchSize);
            List<JobRecord> claimed;
            try
            {
                claimed = await store.ClaimAsync(Name, wanted, stop).ConfigureAwait(false);
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                LogLoopFailed(logger, "claim", e);
                await _wake.WaitAsync(_options.PollInterval, stop).ConfigureAwait(false);
                continue;
            }
            foreach (var job in claimed) Start(job);
            if (claimed.Count < wanted) await _wake.WaitAsync(_options.PollInterval, stop).ConfigureAwait(false);
        }
    }

    // PostgreSQL: holds one connection that LISTENs for new jobs and wakes the claim loop at each, so a job queued by
    // another process starts at once rather than at this node's next poll. A lost connection is opened again; the poll
    // goes on meanwhile, so nothing is missed, only later.
    private async Task ListenLoopAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await using var db = await store.OpenAsync(stop).ConfigureAwait(false);
                await db.Dialect.ListenAsync(db, JobSql.Channel, _ => Wake(), stop).ConfigureAwait(false);
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                LogLoopFailed(logger, "notification", e);
                await Delay(_options.PollInterval, stop).ConfigureAwait(false);
            }
        }
    }

    // Renews the leases of running jobs; a job whose lease another node took is stopped without recording anything,
    // a job someone asked to cancel is cancelled.
    private async Task RenewLoopAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            await Delay(_options.LeaseRenewInterval, stop).ConfigureAwait(false);
            if (stop.IsCancellationRequested || _running.IsEmpty) continue;
            var before = _running.Values.ToList();
            List<JobStore.HeldLease> held;
            try
            {
                held = await store.RenewAsync(Name, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                LogLoopFailed(logger, "lease renewal", e);
                continue;
            }
            var byId = held.ToDictionary(h => h.Id);
            foreach (var run in before)
            {
                if (!byId.TryGetValue(run.Job.Id, out var lease) || lease.Attempts != run.Job.Attempts)
                {
                    if (!run.Finishing && _running.ContainsKey(run.Job.Id)) run.Stop(StopReason.LeaseLost);
                }
                else if (lease.CancelRequested)
                {
                    run.Stop(StopReason.Cancelled);
                }
            }
        }
    }

    // Writes the log lines and progress that running commands reported.
    private async Task FlushLoopAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            await Delay(_options.ProgressFlushInterval, stop).ConfigureAwait(false);
            foreach (var run in _running.Values)
            {
                if (run.Finishing || !run.WriteLock.Wait(0)) continue;
                try
                {
                    if (run.TakeChanges() is not { } changes) continue;
                    try
                    {
                        await store.FlushAsync(Name, run.Job.Id, run.Job.Attempts, changes.Progress, changes.Status, changes.Chunk, CancellationToken.None)
                            .ConfigureAwait(false);
                    }
                    catch (Exception e)
                    {
                        run.Restore(changes.Chunk);
                        LogLoopFailed(logger, "progress", e);
                    }
                }
                finally
                {
                    run.WriteLock.Release();
                }
            }
        }
    }

    // Releases dependents, queues again (or ends) the jobs of nodes that stopped renewing leases, archives finished jobs.
    private async Task MaintenanceLoopAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                if (await store.SweepDependenciesAsync(stop).ConfigureAwait(false) > 0) _wake.Set();
                var expired = await store.RequeueExpiredAsync(stop).ConfigureAwait(false);
                if (expired > 0)
                {
                    LogExpired(logger, expired);
                    _wake.Set();
                }
                var dead = await store.EndDeadJobsAsync(stop).ConfigureAwait(false);
                if (dead > 0) LogDeadJobs(logger, dead);
                var archived = await store.ArchiveAsync(maxBatches: 10, stop).ConfigureAwait(false);
                if (archived > 0) LogArchived(logger, archived);
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                LogLoopFailed(logger, "maintenance", e);
            }
            await Delay(_options.MaintenanceInterval, stop).ConfigureAwait(false);
        }
    }

    // Queues the runs of due schedules.
    private async Task ScheduleLoopAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var queued = await store.RunDueSchedulesAsync(factory.ForSchedule, NextRun, stop).ConfigureAwait(false);
                if (queued.Count > 0) _wake.Set();
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                LogLoopFailed(logger, "schedules", e);
            }
            await Delay(_options.ScheduleInterval, stop).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A schedule's next run after one at its stored time: an interval steps from the previous run (catching up with
    /// one run, not a burst, after downtime), a cron expression from now.
    /// </summary>
    public DateTime? NextRun(ScheduleRecord schedule, DateTime now)
    {
        var parsed = _parsedSchedules.GetOrAdd(schedule.Schedule, Schedule.Parse);
        if (parsed.Interval is { } interval && schedule.NextRunAt is { } previous)
        {
            var next = previous + interval;
            return next > now ? next : now + interval;
        }
        return parsed.NextAfter(now);
    }

    private static async Task Delay(TimeSpan delay, CancellationToken stop)
    {
        try
        {
            await Task.Delay(delay, stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
