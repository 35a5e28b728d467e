namespace BaaS;

/// <summary>The audit log of AutoQuery's writes (Admin only).</summary>
[ValidateIsAdmin, Tag("Admin")]
public class QueryCrudEvents : QueryDb<CrudEvent>
{
    /// <summary>Only events of this model.</summary>
    public string? Model { get; set; }

    /// <summary>Only events of this row.</summary>
    public string? RowId { get; set; }

    /// <summary>Only events by this user.</summary>
    public string? UserId { get; set; }

    /// <summary>Only this kind of event.</summary>
    public string? EventType { get; set; }
}
