namespace BaaS.Tests.Fixtures;

[ValidateIsAuthenticated]
public class MembersOnly : IReturn<WhoAmI>, IGet;

[ValidateIsAdmin]
public class AdminOnly : IReturn<WhoAmI>, IPost
{
    public string? Note { get; set; }
}

[ValidateHasRole("Owner"), ValidateHasRole("Verified")]
public class OwnersOnly : IReturn<WhoAmI>, IGet;

[ValidateHasPermission("orders.refund")]
public class RefundOrder : IReturn<WhoAmI>, IPost
{
    public int OrderId { get; set; }
}

/// <summary>No attributes of its own: calls AdminOnly through the gateway as the same user.</summary>
public class AdminOnlyViaGateway : IReturn<WhoAmI>, IPost;

public class WhoAmI
{
    public string? Name { get; set; }
}

public class AuthServices : Service
{
    private WhoAmI Me() => new() { Name = User.Identity?.Name };

    public WhoAmI Get(MembersOnly request) => Me();
    public WhoAmI Post(AdminOnly request) => Me();
    public WhoAmI Get(OwnersOnly request) => Me();
    public WhoAmI Post(RefundOrder request) => Me();
    public Task<WhoAmI> Post(AdminOnlyViaGateway request) => Gateway.SendAsync(new AdminOnly(), CancellationToken);
}
