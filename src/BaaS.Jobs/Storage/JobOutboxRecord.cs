using BaaS.DataAnnotations;

namespace BaaS.Jobs;

/// <summary>
/// A row of <c>baas_job_outbox</c>, in the app's database: a job enqueued in an app transaction while the jobs live in
/// another database. It commits or rolls back with the app's write; a node's <see cref="OutboxDrainer"/> then moves it
/// to the jobs database under its <see cref="RefId"/>, which makes the move idempotent.
/// </summary>
[Alias("baas_job_outbox")]
internal sealed class JobOutboxRecord
{
    [AutoIncrement] public long Id { get; set; }

    /// <summary>The job's RefId (its own, or a fresh unique one): the job is stored under it at most once.</summary>
    [Index(Unique = true)] public string RefId { get; set; } = "";

    /// <summary>The job's row (<see cref="JobRecord"/>) as JSON.</summary>
    public string Job { get; set; } = "";

    public DateTime CreatedAt { get; set; }
}
