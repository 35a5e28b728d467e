namespace BaaS;

/// <summary>
/// Audit columns for a data model, filled by AutoQuery's audit behaviours: who created, last changed and (soft)
/// deleted a row, and when.
/// </summary>
public abstract class AuditBase
{
    /// <summary>When the row was created (UTC).</summary>
    public DateTime CreatedDate { get; set; }

    /// <summary>Who created it.</summary>
    public string CreatedBy { get; set; } = "";

    /// <summary>When it was last changed (UTC).</summary>
    public DateTime ModifiedDate { get; set; }

    /// <summary>Who last changed it.</summary>
    public string ModifiedBy { get; set; } = "";

    /// <summary>When it was soft-deleted (UTC), or null while it is live.</summary>
    public DateTime? DeletedDate { get; set; }

    /// <summary>Who soft-deleted it.</summary>
    public string? DeletedBy { get; set; }
}
