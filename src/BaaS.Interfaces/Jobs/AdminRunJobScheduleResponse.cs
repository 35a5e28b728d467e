namespace BaaS;

/// <summary>The job a run by hand queued.</summary>
public class AdminRunJobScheduleResponse : IHasResponseStatus
{
    /// <summary>The job's id.</summary>
    public long JobId { get; set; }

    /// <summary>The job's RefId.</summary>
    public string RefId { get; set; } = "";

    /// <inheritdoc />
    public ResponseStatus? ResponseStatus { get; set; }
}
