namespace BaaS;

/// <summary>Removes a recurring job (the jobs it queued stay). 404 when there is none of that name. Admin only.</summary>
[Tag("Jobs"), ValidateIsAdmin]
public class AdminDeleteJobSchedule : IReturn<EmptyResponse>, IPost
{
    /// <summary>The schedule's name.</summary>
    public string Name { get; set; } = "";
}
