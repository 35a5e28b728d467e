using BaaS.Data;
using BaaS.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace BaaS.Jobs;

/// <summary>The <see cref="IBackgroundJobs"/> of a DI scope: it knows the scope's user (the request's, or the running job's).</summary>
internal sealed class BackgroundJobs(
    JobStore store, JobFactory factory, CommandRegistry commands, JobNode node, OutboxDrainer outbox,
    IHttpContextAccessor http, IJobContext jobContext, IServiceProvider services, JobTelemetry telemetry) : IBackgroundJobs
{
    public JobRef EnqueueCommand<TCommand>(object? arg, JobOptions? options = null) where TCommand : class =>
        EnqueueCommandAsync(typeof(TCommand), arg, options, async: false, default).GetAwaiter().GetResult();

    public async Task<JobRef> EnqueueCommandAsync<TCommand>(object? arg, JobOptions? options = null, CancellationToken cancellationToken = default)
        where TCommand : class =>
        await EnqueueCommandAsync(typeof(TCommand), arg, options, async: true, cancellationToken).ConfigureAwait(false);

    private async ValueTask<JobRef> EnqueueCommandAsync(Type commandType, object? arg, JobOptions? options, bool async, CancellationToken ct)
    {
        var job = CommandJob(commandType, arg, options);
        return await EnqueueAsync(job, options, async, ct).ConfigureAwait(false);
    }

    /// <summary>The row of a new run of <paramref name="commandType"/>, checked.</summary>
    internal JobRecord CommandJob(Type commandType, object? arg, JobOptions? options) =>
        factory.ForCommand(commands.Get(commandType), arg, options, CurrentUser(options));

    /// <summary>The row of a new API job, checked.</summary>
    internal JobRecord ApiJob(object request, JobOptions? options)
    {
        ArgumentNullException.ThrowIfNull(request);
        var host = services.GetService<BaaSHost>()
            ?? throw new InvalidOperationException("EnqueueApi needs BaaS: call services.AddBaaS(...) (and app.UseBaaS()).");
        var operation = host.Catalog.Find(request.GetType())
            ?? throw new ArgumentException($"{request.GetType().Name} is not a request DTO this app serves.", nameof(request));
        return factory.ForApi(operation.Name, request, options, CurrentUser(options));
    }

    /// <summary>
    /// Stores <paramref name="job"/> with the open transaction of <paramref name="db"/>: in it when the jobs live in that
    /// database, else in its outbox (its id is then 0 until a node moves it to the jobs database). Either way the job
    /// exists if and only if the transaction commits; this node's worker or drainer is woken when it does.
    /// </summary>
    internal async Task<JobRef> EnqueueInAsync(DataConnection db, JobRecord job, JobOptions? options, CancellationToken ct)
    {
        var transaction = db.Transaction ?? throw new InvalidOperationException(
            "Enqueueing with a connection needs its transaction: open one first (await db.OpenTransactionAsync()), write, enqueue, then commit.");
        var activity = telemetry.StartEnqueue(job);
        JobRef? jobRef = null;
        try
        {
            if (await store.SharesDatabaseAsync(db, ct).ConfigureAwait(false))
            {
                jobRef = await store.EnqueueAsync(db, job, callerRefId: options?.RefId is not null, async: true, ct).ConfigureAwait(false);
                transaction.OnCommitted(() =>
                {
                    if (node.IsWorking) node.Wake();
                });
                return jobRef;
            }
            if (job.DependsOn is { } parent && await store.GetAsync(parent, ct).ConfigureAwait(false) is null)
                throw new ArgumentException($"DependsOn: job {parent} does not exist.", nameof(JobOptions.DependsOn));
            await outbox.AddAsync(db, job, ct).ConfigureAwait(false);
            transaction.OnCommitted(outbox.Signal);
            return jobRef = new JobRef(0, job.RefId);
        }
        finally
        {
            Ended(activity, job, jobRef);
        }
    }

    // Ends the enqueue span; a job that was not stored (the call threw) is not counted.
    private void Ended(System.Diagnostics.Activity? activity, JobRecord job, JobRef? jobRef)
    {
        if (jobRef is { } stored) telemetry.Enqueued(activity, job, stored.Id);
        else activity?.Dispose();
    }

    public JobRef EnqueueApi(object request, JobOptions? options = null) =>
        EnqueueApiAsync(request, options, async: false, default).GetAwaiter().GetResult();

    public async Task<JobRef> EnqueueApiAsync(object request, JobOptions? options = null, CancellationToken cancellationToken = default) =>
        await EnqueueApiAsync(request, options, async: true, cancellationToken).ConfigureAwait(false);

    private async ValueTask<JobRef> EnqueueApiAsync(object request, JobOptions? options, bool async, CancellationToken ct) =>
        await EnqueueAsync(ApiJob(request, options), options, async, ct).ConfigureAwait(false);

    private async ValueTask<JobRef> EnqueueAsync(JobRecord job, JobOptions? options, bool async, CancellationToken ct)
    {
        var activity = telemetry.StartEnqueue(job);
        JobRef? jobRef = null;
        try
        {
            jobRef = await store.EnqueueAsync(job, callerRefId: options?.RefId is not null, async, ct).ConfigureAwait(false);
        }
        finally
        {
            Ended(activity, job, jobRef);
        }
        if (node.IsWorking) node.Wake();
        return jobRef;
    }

    // The explicit user, else whoever is signed in to the request, else the user of the job this code runs in.
    private JobUser? CurrentUser(JobOptions? options) =>
        options?.RunAs
        ?? http.HttpContext?.User.ToJobUser()
        ?? (jobContext.IsJob ? jobContext.User.ToJobUser() : null)
        ?? store.Options.DefaultUser;

    public async Task RecurringCommandAsync<TCommand>(string name, Schedule schedule, object? arg = null, JobOptions? options = null,
        CancellationToken cancellationToken = default) where TCommand : class
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var record = factory.ForRecurring(name, schedule, commands.Get(typeof(TCommand)), arg, options);
        await store.UpsertScheduleAsync(record, cancellationToken).ConfigureAwait(false);
    }

    public Task<JobInfo?> GetJobAsync(long id, CancellationToken cancellationToken = default) => store.GetAsync(id, cancellationToken);

    public Task<JobInfo?> GetJobByRefIdAsync(string refId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(refId);
        return store.GetByRefIdAsync(refId, cancellationToken);
    }

    public async Task<JobInfo> CancelJobAsync(long id, CancellationToken cancellationToken = default)
    {
        switch (await store.CancelAsync(id, cancellationToken).ConfigureAwait(false))
        {
            case JobStore.CancelOutcome.NotFound:
                throw HttpError.NotFound($"Job {id} does not exist.");
            case JobStore.CancelOutcome.AlreadyFinished:
                var done = await store.GetAsync(id, cancellationToken).ConfigureAwait(false);
                throw HttpError.Conflict($"Job {id} is {done?.State.ToString() ?? "finished"}: only queued or started jobs can be cancelled.", "JobFinished");
            case JobStore.CancelOutcome.Requested:
                node.TryStop(id, StopReason.Cancelled); // at once if it runs here; other nodes see it when they renew leases
                break;
        }
        return (await store.GetAsync(id, cancellationToken).ConfigureAwait(false))!;
    }

    public async Task<JobInfo> RequeueJobAsync(long id, CancellationToken cancellationToken = default)
    {
        switch (await store.RequeueAsync(id, cancellationToken).ConfigureAwait(false))
        {
            case JobStore.RequeueOutcome.NotFound:
                throw HttpError.NotFound($"Job {id} does not exist.");
            case JobStore.RequeueOutcome.NotFailed:
                var job = await store.GetAsync(id, cancellationToken).ConfigureAwait(false);
                throw HttpError.Conflict($"Job {id} is {job?.State}: only failed jobs can be requeued.", "JobNotFailed");
        }
        if (node.IsWorking) node.Wake();
        return (await store.GetAsync(id, cancellationToken).ConfigureAwait(false))!;
    }

    public async Task<IReadOnlyList<JobScheduleInfo>> GetSchedulesAsync(CancellationToken cancellationToken = default) =>
        (await store.GetSchedulesAsync(cancellationToken).ConfigureAwait(false)).Select(ToInfo).ToList();

    public async Task<JobScheduleInfo> PauseScheduleAsync(string name, CancellationToken cancellationToken = default)
    {
        if (!await store.SetPausedAsync(name, paused: true, nextRunAt: null, cancellationToken).ConfigureAwait(false)) throw NoSchedule(name);
        return ToInfo((await store.GetScheduleAsync(name, cancellationToken).ConfigureAwait(false))!);
    }

    public async Task<JobScheduleInfo> ResumeScheduleAsync(string name, CancellationToken cancellationToken = default)
    {
        var schedule = await store.GetScheduleAsync(name, cancellationToken).ConfigureAwait(false) ?? throw NoSchedule(name);
        var next = Schedule.Parse(schedule.Schedule).NextAfter(store.Now);
        await store.SetPausedAsync(name, paused: false, next, cancellationToken).ConfigureAwait(false);
        return ToInfo((await store.GetScheduleAsync(name, cancellationToken).ConfigureAwait(false))!);
    }

    public async Task<JobRef> RunScheduleNowAsync(string name, CancellationToken cancellationToken = default)
    {
        var schedule = await store.GetScheduleAsync(name, cancellationToken).ConfigureAwait(false) ?? throw NoSchedule(name);
        var job = factory.ForSchedule(schedule, store.Now);
        job.RefId = Guid.CreateVersion7().ToString("N"); // a run by hand is its own run, whatever the time
        var jobRef = await EnqueueAsync(job, null, async: true, cancellationToken).ConfigureAwait(false);
        await store.MarkScheduleRunAsync(name, jobRef.Id, cancellationToken).ConfigureAwait(false);
        return jobRef;
    }

    public async Task DeleteScheduleAsync(string name, CancellationToken cancellationToken = default)
    {
        if (!await store.DeleteScheduleAsync(name, cancellationToken).ConfigureAwait(false)) throw NoSchedule(name);
    }

    private static HttpError NoSchedule(string name) => HttpError.NotFound($"There is no recurring job named '{name}'.");

    private static JobScheduleInfo ToInfo(ScheduleRecord s) => new()
    {
        Name = s.Name, Command = s.Command, Schedule = s.Schedule, Arg = s.Arg, Paused = s.Paused, NextRunAt = s.NextRunAt,
        LastRunAt = s.LastRunAt, LastJobId = s.LastJobId, CreatedAt = s.CreatedAt, UpdatedAt = s.UpdatedAt,
    };
}
