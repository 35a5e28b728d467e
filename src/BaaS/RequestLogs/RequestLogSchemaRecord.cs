using BaaS.DataAnnotations;

namespace BaaS.RequestLogs;

/// <summary>
/// The versions of the request log's schema applied, <c>baas_request_log_schema</c>: kept apart from the app's
/// <c>baas_migration</c>, so the app's migrations and the platform's tables never mix histories.
/// </summary>
[Alias("baas_request_log_schema")]
internal sealed class RequestLogSchemaRecord
{
    [PrimaryKey] public int Version { get; set; }

    public DateTime AppliedAt { get; set; }
}
