using BaaS.DataAnnotations;

namespace BaaS.Data;

/// <summary>A row of the migrations table: which migration ran, when, and how long it took.</summary>
[Alias("baas_migration")]
internal sealed class MigrationRecord
{
    [PrimaryKey]
    [StringLength(200)]
    public string Name { get; set; } = "";

    public long Number { get; set; }

    public DateTime AppliedAt { get; set; }

    public long DurationMs { get; set; }
}
