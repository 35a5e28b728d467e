using BaaS.DataAnnotations;

namespace BaaS.Jobs;

/// <summary>
/// A caller's RefId and the job it named, <c>baas_job_ref</c>: kept when the job moves to the archive, so enqueuing
/// the same RefId again always answers the first job.
/// </summary>
[Alias("baas_job_ref")]
internal sealed class JobRefRecord
{
    [PrimaryKey] public string RefId { get; set; } = "";
    public long JobId { get; set; }
    public DateTime CreatedAt { get; set; }
}
