namespace BaaS;

/// <summary>
/// A running job's state, progress, status text and the log written since <see cref="LogStart"/>, for a dashboard
/// that follows a job. Admin only.
/// </summary>
[Tag("Jobs"), ValidateIsAdmin]
public class AdminGetJobProgress : IReturn<AdminGetJobProgressResponse>, IGet
{
    /// <summary>The job's id.</summary>
    public long Id { get; set; }

    /// <summary>Return the log from this character on (the previous answer's <c>LogLength</c>). Default: 0.</summary>
    public int? LogStart { get; set; }
}
