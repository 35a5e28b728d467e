namespace BaaS;

/// <summary>A job in full.</summary>
public class AdminGetJobResponse : IHasResponseStatus
{
    /// <summary>The job.</summary>
    public JobInfo Job { get; set; } = new();

    /// <inheritdoc />
    public ResponseStatus? ResponseStatus { get; set; }
}
