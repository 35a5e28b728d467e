namespace BaaS;

/// <summary>Lists API keys, newest first, optionally of one user (Admin only).</summary>
[Tag("Admin")]
[ValidateIsAdmin]
public class AdminQueryApiKeys : IGet, IReturn<QueryResponse<ApiKeyInfo>>
{
    /// <summary>Only this user's keys.</summary>
    public string? UserId { get; set; }

    /// <summary>Rows to skip.</summary>
    public int? Skip { get; set; }

    /// <summary>Rows to return (1 to 100; default 50).</summary>
    public int? Take { get; set; }
}
