using BaaS.DataAnnotations;

namespace BaaS.Jobs;

/// <summary>
/// The versions of the jobs schema applied to the jobs database, <c>baas_job_schema</c>. The jobs module keeps its own
/// record (not the app's <c>baas_migration</c>) because it may share the app's PostgreSQL database.
/// </summary>
[Alias("baas_job_schema")]
internal sealed class JobSchemaRecord
{
    [PrimaryKey] public int Version { get; set; }
    public DateTime AppliedAt { get; set; }
}
