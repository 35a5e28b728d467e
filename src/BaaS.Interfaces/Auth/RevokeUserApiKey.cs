namespace BaaS;

/// <summary>Revokes one of the signed-in user's API keys: it stops working at once.</summary>
[Tag("Auth")]
[ValidateIsAuthenticated]
public class RevokeUserApiKey : IPost, IReturn<EmptyResponse>
{
    /// <summary>The key's id.</summary>
    public long Id { get; set; }
}
