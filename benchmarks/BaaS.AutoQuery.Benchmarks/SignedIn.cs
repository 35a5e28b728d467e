using BaaS.Auth;

namespace BaaS.Benchmarks.AutoQuery;

/// <summary>
/// The cheapest signed-in GET: <c>GET /api/GetSignedInUser</c> answers the caller's id from the access token and touches
/// no database, so what is measured is the request path of a signed-in call (token, deny list, rate limit, pipeline).
/// </summary>
[ValidateIsAuthenticated]
public class GetSignedInUser : IGet, IReturn<SignedInUser>
{
}

/// <summary>Who called.</summary>
public class SignedInUser
{
    public string? UserId { get; set; }
    public ResponseStatus? ResponseStatus { get; set; }
}

/// <summary>Serves <see cref="GetSignedInUser"/>.</summary>
public class SignedInServices : Service
{
    public SignedInUser Get(GetSignedInUser request) => new() { UserId = User.GetUserId() };
}
