using BaaS.DataAnnotations;

namespace BaaS.ServerEvents;

/// <summary>
/// A message too large for one database notification (PostgreSQL's are under 8000 bytes): stored under its id, and the
/// notification carries only the id. Rows older than ten minutes are deleted by whichever node runs the clean-up.
/// </summary>
[Alias("baas_server_event_payload")]
internal sealed class ServerEventPayloadRecord
{
    [PrimaryKey] public long Id { get; set; }

    public string Payload { get; set; } = "";

    public DateTime CreatedAt { get; set; }
}
