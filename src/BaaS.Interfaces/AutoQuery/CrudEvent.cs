using BaaS.DataAnnotations;

namespace BaaS;

/// <summary>
/// One entry of AutoQuery's audit log: a create, update, patch, save or delete, who did it and when, on which row,
/// with the request that did it. Written in the same transaction as the change.
/// </summary>
public class CrudEvent
{
    /// <summary>The entry's id.</summary>
    [AutoIncrement]
    public long Id { get; set; }

    /// <summary>Create, Update, Patch, Save or Delete.</summary>
    [Index, StringLength(20)]
    public string EventType { get; set; } = "";

    /// <summary>The data model's name.</summary>
    [Index, StringLength(200)]
    public string Model { get; set; } = "";

    /// <summary>The request DTO's name.</summary>
    [StringLength(200)]
    public string RequestType { get; set; } = "";

    /// <summary>The primary key of the row, when the operation had one.</summary>
    [Index]
    public string? RowId { get; set; }

    /// <summary>The request DTO as JSON.</summary>
    public string RequestBody { get; set; } = "";

    /// <summary>The caller's user id, when signed in.</summary>
    [Index]
    public string? UserId { get; set; }

    /// <summary>The caller's user name, when signed in.</summary>
    public string? UserName { get; set; }

    /// <summary>The caller's IP address.</summary>
    public string? RemoteIp { get; set; }

    /// <summary>When it happened (UTC).</summary>
    [Index]
    public DateTime EventDate { get; set; }
}
