namespace BaaS;

/// <summary>Creates an API key acting for any user, with any of the app's scopes (Admin only).</summary>
[Tag("Admin")]
[ValidateIsAdmin]
public class AdminCreateApiKey : IPost, IReturn<CreateApiKeyResponse>
{
    /// <summary>The user the key acts for (required).</summary>
    public string? UserId { get; set; }

    /// <summary>What the key is for (required).</summary>
    public string? Name { get; set; }

    /// <summary>Scopes, from the app's scopes.</summary>
    public List<string>? Scopes { get; set; }

    /// <summary>When the key stops working (UTC, in the future); null for the app's default.</summary>
    public DateTime? ExpiresAt { get; set; }
}
