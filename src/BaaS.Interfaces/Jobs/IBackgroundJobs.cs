namespace BaaS;

/// <summary>
/// Queues and manages background jobs. Resolve it from DI in a service, a command or any scoped code; every enqueue
/// stores the job in the jobs database before it returns, so it survives restarts and crashes.
/// </summary>
/// <example>
/// <code>
/// var job = await jobs.EnqueueCommandAsync&lt;SendOrderConfirmation&gt;(new OrderEmail { OrderId = 7 },
///     new JobOptions { RefId = "order-7-email", RetryLimit = 5 }, ct);
/// </code>
/// </example>
public interface IBackgroundJobs
{
    /// <summary>Queues a run of command <typeparamref name="TCommand"/> with <paramref name="arg"/> (blocking; prefer the async form in async code).</summary>
    /// <exception cref="ArgumentException">The command is not registered, the argument has the wrong type, or an option is invalid.</exception>
    JobRef EnqueueCommand<TCommand>(object? arg, JobOptions? options = null) where TCommand : class;

    /// <summary>Queues a run of command <typeparamref name="TCommand"/> with <paramref name="arg"/>.</summary>
    /// <exception cref="ArgumentException">The command is not registered, the argument has the wrong type, or an option is invalid.</exception>
    Task<JobRef> EnqueueCommandAsync<TCommand>(object? arg, JobOptions? options = null, CancellationToken cancellationToken = default) where TCommand : class;

    /// <summary>
    /// Queues a request DTO to run through the API pipeline (authorization, validation, the service) in-process, as the
    /// enqueuing user or <see cref="JobOptions.RunAs"/> (blocking; prefer the async form in async code). The response is
    /// the job's result.
    /// </summary>
    /// <exception cref="ArgumentException">The DTO is not served by this app, or an option is invalid.</exception>
    JobRef EnqueueApi(object request, JobOptions? options = null);

    /// <summary>Queues a request DTO to run through the API pipeline in-process (see <see cref="EnqueueApi"/>).</summary>
    /// <exception cref="ArgumentException">The DTO is not served by this app, or an option is invalid.</exception>
    Task<JobRef> EnqueueApiAsync(object request, JobOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates or updates the recurring command <paramref name="name"/>: registering the same name again (a restart,
    /// another node) updates it and never duplicates it; a paused schedule stays paused.
    /// </summary>
    Task RecurringCommandAsync<TCommand>(string name, Schedule schedule, object? arg = null, JobOptions? options = null,
        CancellationToken cancellationToken = default) where TCommand : class;

    /// <summary>A job by id (live or archived), or null.</summary>
    Task<JobInfo?> GetJobAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>A job by its RefId (live or archived), or null.</summary>
    Task<JobInfo?> GetJobByRefIdAsync(string refId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Cancels a queued job at once, or a running one by firing its command's token (on whichever node runs it);
    /// answers the job. Throws 404 for no such job and 409 when it already finished.
    /// </summary>
    Task<JobInfo> CancelJobAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Queues a failed job again with a fresh retry budget; answers the job. Throws 404 for no such job and 409 when it has not failed.</summary>
    Task<JobInfo> RequeueJobAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Every recurring job.</summary>
    Task<IReadOnlyList<JobScheduleInfo>> GetSchedulesAsync(CancellationToken cancellationToken = default);

    /// <summary>Pauses a recurring job; throws 404 when there is none of that name.</summary>
    Task<JobScheduleInfo> PauseScheduleAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Resumes a recurring job from now; throws 404 when there is none of that name.</summary>
    Task<JobScheduleInfo> ResumeScheduleAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Queues a run of a recurring job now (its schedule is unchanged); throws 404 when there is none of that name.</summary>
    Task<JobRef> RunScheduleNowAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Removes a recurring job (jobs it queued stay); throws 404 when there is none of that name.</summary>
    Task DeleteScheduleAsync(string name, CancellationToken cancellationToken = default);
}
