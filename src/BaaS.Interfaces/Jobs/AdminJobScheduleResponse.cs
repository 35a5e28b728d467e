namespace BaaS;

/// <summary>A recurring job after a change.</summary>
public class AdminJobScheduleResponse : IHasResponseStatus
{
    /// <summary>The schedule.</summary>
    public JobScheduleInfo Schedule { get; set; } = new();

    /// <inheritdoc />
    public ResponseStatus? ResponseStatus { get; set; }
}
