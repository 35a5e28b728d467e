namespace BaaS.Auth.Tests.Fixtures;

[ValidateIsAuthenticated]
public class MembersOnly : IGet, IReturn<WhoAmIResponse>;

[ValidateHasRole("Owner")]
public class OwnersOnly : IGet, IReturn<WhoAmIResponse>;

[ValidateHasPermission("orders.refund")]
public class RefundOrder : IPost, IReturn<WhoAmIResponse>
{
    public int OrderId { get; set; }
}

[ValidateIsAdmin]
public class AdminOnly : IGet, IReturn<WhoAmIResponse>;

[ValidateApiKey("orders:read")]
public class ExportOrders : IGet, IReturn<WhoAmIResponse>;

[ValidateApiKey]
public class AnyApiKey : IGet, IReturn<WhoAmIResponse>;

/// <summary>Signed-in users, and API keys holding orders:read.</summary>
[ValidateIsAuthenticated, ApiKeyScope("orders:read")]
public class ReadMyOrders : IGet, IReturn<WhoAmIResponse>;

/// <summary>Signed-in users, and API keys holding orders:write.</summary>
[ValidateIsAuthenticated, ApiKeyScope("orders:write")]
public class WriteMyOrders : IPost, IReturn<WhoAmIResponse>;

/// <summary>Anyone may call it; it says who the caller is.</summary>
public class WhoAmI : IGet, IReturn<WhoAmIResponse>;

public class WhoAmIResponse
{
    public string? UserId { get; set; }
    public string? UserName { get; set; }
    public List<string> Roles { get; set; } = [];
    public List<string> Permissions { get; set; } = [];
    public long? ApiKeyId { get; set; }
}

public class ProtectedServices : Service
{
    private WhoAmIResponse Me() => new()
    {
        UserId = User.GetUserId(),
        UserName = User.GetUserName(),
        Roles = User.GetRoles(),
        Permissions = User.GetPermissions(),
        ApiKeyId = User.GetApiKeyId(),
    };

    public WhoAmIResponse Get(MembersOnly request) => Me();

    public WhoAmIResponse Get(OwnersOnly request) => Me();

    public WhoAmIResponse Post(RefundOrder request) => Me();

    public WhoAmIResponse Get(AdminOnly request) => Me();

    public WhoAmIResponse Get(ExportOrders request) => Me();

    public WhoAmIResponse Get(AnyApiKey request) => Me();

    public WhoAmIResponse Get(WhoAmI request) => Me();

    public WhoAmIResponse Get(ReadMyOrders request) => Me();

    public WhoAmIResponse Post(WriteMyOrders request) => Me();
}
