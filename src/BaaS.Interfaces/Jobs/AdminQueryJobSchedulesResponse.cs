namespace BaaS;

/// <summary>The recurring jobs, by name.</summary>
public class AdminQueryJobSchedulesResponse : IHasResponseStatus
{
    /// <summary>The schedules.</summary>
    public List<JobScheduleInfo> Results { get; set; } = [];

    /// <inheritdoc />
    public ResponseStatus? ResponseStatus { get; set; }
}
