using BaaS.Data;

namespace BaaS.Jobs;

/// <summary>
/// Enqueues jobs as part of an app transaction: the jobs exist if and only if the transaction commits, so a stored
/// order always has its emails and a rolled-back one has none. When the jobs live in the transaction's database they
/// are inserted in it; otherwise they are written to that database's outbox (<c>baas_job_outbox</c>, created at
/// startup for <see cref="JobsOptions.OutboxConnections"/>) and moved to the jobs database by a node shortly after the
/// commit (woken by it, or by its poll). Get one with <see cref="TransactionalJobsExtensions.InTransaction"/>.
/// </summary>
/// <example>
/// <code>
/// await using var tx = await db.OpenTransactionAsync(ct);
/// await db.InsertAsync(order, ct);
/// await jobs.InTransaction(db).EnqueueCommandAsync&lt;SendOrderConfirmationCommand&gt;(new OrderNotice { OrderId = order.Id }, ct: ct);
/// await tx.CommitAsync(ct);
/// </code>
/// </example>
public sealed class TransactionalJobs
{
    private readonly BackgroundJobs _jobs;

    internal TransactionalJobs(BackgroundJobs jobs, DataConnection connection)
    {
        _jobs = jobs;
        Connection = connection;
    }

    /// <summary>The connection whose open transaction the jobs join.</summary>
    public DataConnection Connection { get; }

    /// <summary>
    /// Queues a run of command <typeparamref name="TCommand"/> with <paramref name="arg"/> in the connection's transaction.
    /// Through the outbox, the answer's <see cref="JobRef.Id"/> is 0 (the job has no id until a node moves it): find the
    /// job by its <see cref="JobRef.RefId"/>. A <see cref="JobOptions.RefId"/> already taken answers that job once moved.
    /// </summary>
    /// <exception cref="InvalidOperationException">The connection has no open transaction, or no outbox is configured for it.</exception>
    /// <exception cref="ArgumentException">The command is not registered, the argument has the wrong type, or an option is invalid.</exception>
    public Task<JobRef> EnqueueCommandAsync<TCommand>(object? arg, JobOptions? options = null, CancellationToken cancellationToken = default)
        where TCommand : class =>
        _jobs.EnqueueInAsync(Connection, _jobs.CommandJob(typeof(TCommand), arg, options), options, cancellationToken);

    /// <summary>Queues a request DTO to run through the API pipeline in-process, in the connection's transaction (see <see cref="EnqueueCommandAsync{TCommand}"/>).</summary>
    /// <exception cref="InvalidOperationException">The connection has no open transaction, or no outbox is configured for it.</exception>
    /// <exception cref="ArgumentException">The DTO is not served by this app, or an option is invalid.</exception>
    public Task<JobRef> EnqueueApiAsync(object request, JobOptions? options = null, CancellationToken cancellationToken = default) =>
        _jobs.EnqueueInAsync(Connection, _jobs.ApiJob(request, options), options, cancellationToken);
}
