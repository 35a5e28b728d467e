namespace BaaS;

/// <summary>
/// The request log's own health on the node that answers (Admin only): what it recorded, wrote, dropped under
/// overload and failed to write since the node started, and how full its queue is now.
/// </summary>
[Tag("Admin"), ValidateIsAdmin]
public class AdminGetRequestLogStats : IReturn<AdminGetRequestLogStatsResponse>, IGet;

/// <summary>The request log's counters on one node, since it started.</summary>
public class AdminGetRequestLogStatsResponse : IHasResponseStatus
{
    /// <summary>Whether calls are being recorded.</summary>
    public bool Enabled { get; set; }

    /// <summary>Whether request bodies are recorded.</summary>
    public bool IncludeBodies { get; set; }

    /// <summary>Rows handed to the queue.</summary>
    public long Recorded { get; set; }

    /// <summary>Rows written to the database.</summary>
    public long Written { get; set; }

    /// <summary>Rows dropped because the queue was full (the calls themselves were answered).</summary>
    public long Dropped { get; set; }

    /// <summary>Rows lost because the database refused or could not be reached after retries.</summary>
    public long Failed { get; set; }

    /// <summary>Rows waiting in the queue now.</summary>
    public long Pending { get; set; }

    /// <summary>The most rows the queue holds.</summary>
    public int Capacity { get; set; }

    /// <summary>When the last batch was written (UTC), if any.</summary>
    public DateTime? LastWrittenAt { get; set; }

    /// <summary>The last write error's message, if the last write failed.</summary>
    public string? LastError { get; set; }

    /// <inheritdoc />
    public ResponseStatus? ResponseStatus { get; set; }
}
