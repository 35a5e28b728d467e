namespace BaaS;

/// <summary>One job with its argument, result, log, error and attempts, by id or RefId. Admin only.</summary>
[Tag("Jobs"), ValidateIsAdmin]
public class AdminGetJob : IReturn<AdminGetJobResponse>, IGet
{
    /// <summary>The job's id.</summary>
    public long? Id { get; set; }

    /// <summary>Or its RefId.</summary>
    public string? RefId { get; set; }
}
