namespace BaaS;

/// <summary>
/// Lists jobs, newest first: the live queue, or one month's archive (<see cref="Month"/>), filtered by state, command,
/// tag, worker, text or id (<see cref="Search"/>) and when they were queued. Admin only.
/// </summary>
[Tag("Jobs"), ValidateIsAdmin]
public class AdminQueryJobs : IReturn<QueryResponse<JobSummary>>, IGet
{
    /// <summary>Only jobs in this state.</summary>
    public JobState? State { get; set; }

    /// <summary>Only jobs of this command (class name) or request DTO name.</summary>
    public string? Command { get; set; }

    /// <summary>Only jobs with this tag.</summary>
    public string? Tag { get; set; }

    /// <summary>Only jobs of this named worker.</summary>
    public string? Worker { get; set; }

    /// <summary>
    /// A job id (digits only: that job, if it matches the other filters), or text found, ignoring case, in the command,
    /// RefId, tag, worker or error message.
    /// </summary>
    public string? Search { get; set; }
    /// <summary>Only jobs queued at or after this instant (UTC).</summary>
    public DateTime? CreatedAfter { get; set; }
    /// <summary>Only jobs queued before this instant (UTC).</summary>
    public DateTime? CreatedBefore { get; set; }
    /// <summary>Read the archive of this month (<c>2026-11</c>) instead of the live queue.</summary>
    public string? Month { get; set; }

    /// <summary>How many to skip. Default: 0.</summary>
    public int? Skip { get; set; }

    /// <summary>How many to return, 1 to 1000. Default: 50.</summary>
    public int? Take { get; set; }
}
