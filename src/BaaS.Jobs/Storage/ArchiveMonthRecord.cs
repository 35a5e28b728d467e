using BaaS.DataAnnotations;

namespace BaaS.Jobs;

/// <summary>One month's archive table, <c>baas_job_archive_month</c>: <c>2026-11</c> is <c>baas_job_archive_202611</c>.</summary>
[Alias("baas_job_archive_month")]
internal sealed class ArchiveMonthRecord
{
    [PrimaryKey] public string Month { get; set; } = "";
    public string TableName { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}
