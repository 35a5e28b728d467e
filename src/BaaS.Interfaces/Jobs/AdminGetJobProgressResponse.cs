namespace BaaS;

/// <summary>Where a job is, and its new log lines.</summary>
public class AdminGetJobProgressResponse : IHasResponseStatus
{
    /// <summary>The job's id.</summary>
    public long Id { get; set; }

    /// <summary>Its state.</summary>
    public JobState State { get; set; }

    /// <summary>How far it is, from 0 to 1.</summary>
    public double? Progress { get; set; }

    /// <summary>Its status text.</summary>
    public string? Status { get; set; }

    /// <summary>The log from the requested start.</summary>
    public string? Log { get; set; }

    /// <summary>The log's whole length: the next request's <c>LogStart</c>.</summary>
    public int LogLength { get; set; }

    /// <summary>The error message, once it failed.</summary>
    public string? ErrorMessage { get; set; }

    /// <inheritdoc />
    public ResponseStatus? ResponseStatus { get; set; }
}
