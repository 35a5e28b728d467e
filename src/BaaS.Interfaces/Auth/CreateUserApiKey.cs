namespace BaaS;

/// <summary>Creates an API key that acts for the signed-in user; the answer holds the key, shown this once.</summary>
[Tag("Auth")]
[ValidateIsAuthenticated]
public class CreateUserApiKey : IPost, IReturn<CreateApiKeyResponse>
{
    /// <summary>What the key is for (required).</summary>
    public string? Name { get; set; }

    /// <summary>Scopes, from those the app lets users give their own keys.</summary>
    public List<string>? Scopes { get; set; }

    /// <summary>When the key stops working (UTC, in the future); null for the app's default.</summary>
    public DateTime? ExpiresAt { get; set; }
}
