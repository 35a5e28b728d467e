using BaaS.DataAnnotations;

namespace BaaS.Jobs;

/// <summary>A recurring job, <c>baas_job_schedule</c>, keyed by its name.</summary>
[Alias("baas_job_schedule")]
internal sealed class ScheduleRecord
{
    [PrimaryKey] public string Name { get; set; } = "";
    public string Command { get; set; } = "";
    public string? Arg { get; set; }
    public string Schedule { get; set; } = "";
    public string? Options { get; set; }
    public bool Paused { get; set; }
    public DateTime? NextRunAt { get; set; }
    public DateTime? LastRunAt { get; set; }
    public long? LastJobId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
