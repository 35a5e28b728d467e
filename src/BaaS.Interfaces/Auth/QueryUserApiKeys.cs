namespace BaaS;

/// <summary>Lists the signed-in user's API keys, newest first (revoked ones too).</summary>
[Tag("Auth")]
[ValidateIsAuthenticated]
public class QueryUserApiKeys : IGet, IReturn<QueryResponse<ApiKeyInfo>>
{
    /// <summary>Rows to skip.</summary>
    public int? Skip { get; set; }

    /// <summary>Rows to return (1 to 100; default 50).</summary>
    public int? Take { get; set; }
}
