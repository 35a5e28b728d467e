namespace BaaS;

/// <summary>Revokes any API key (Admin only).</summary>
[Tag("Admin")]
[ValidateIsAdmin]
public class AdminRevokeApiKey : IPost, IReturn<EmptyResponse>
{
    /// <summary>The key's id.</summary>
    public long Id { get; set; }
}
