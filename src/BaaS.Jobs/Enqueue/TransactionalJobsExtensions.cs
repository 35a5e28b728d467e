using BaaS.Data;

namespace BaaS.Jobs;

/// <summary>Enqueueing jobs in an app transaction.</summary>
public static class TransactionalJobsExtensions
{
    /// <summary>
    /// The jobs API bound to the open transaction of <paramref name="db"/> (open it before enqueueing): jobs enqueued
    /// through it commit or roll back with what the transaction writes.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="jobs"/> is not the <see cref="IBackgroundJobs"/> that AddBaaSJobs registers.</exception>
    public static TransactionalJobs InTransaction(this IBackgroundJobs jobs, DataConnection db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return jobs is BackgroundJobs own
            ? new TransactionalJobs(own, db)
            : throw new ArgumentException("InTransaction needs the IBackgroundJobs that AddBaaSJobs registers.", nameof(jobs));
    }
}
