namespace BaaS;

/// <summary>Counters for a jobs dashboard: jobs by state now, and finished jobs per minute. Admin only.</summary>
[Tag("Jobs"), ValidateIsAdmin]
public class AdminGetJobStats : IReturn<AdminGetJobStatsResponse>, IGet
{
    /// <summary>How many minutes back the per-minute counts go, 1 to 1440. Default: 60.</summary>
    public int? Minutes { get; set; }
}
