using System.Security.Claims;
using BaaS.Auth.Tokens;

namespace BaaS.Tests.Auth;

/// <summary>
/// The identity handed to each request for an access token the node already checked: it reads the kept identity's
/// claims without copying them, and a request that changes its identity changes only its own.
/// </summary>
public class SharedClaimsIdentityTests
{
    private static ClaimsIdentity Kept() => new(
        [new Claim("name", "ann"), new Claim("role", "Customer"), new Claim("perm", "orders:read")],
        "BaaS", "name", "role");

    [Fact]
    public void Reads_the_kept_claims_name_and_roles()
    {
        var kept = Kept();
        var user = new ClaimsPrincipal(new SharedClaimsIdentity(kept));

        Assert.True(user.Identity!.IsAuthenticated);
        Assert.Equal("BaaS", user.Identity.AuthenticationType);
        Assert.Equal("ann", user.Identity.Name);
        Assert.True(user.IsInRole("Customer"));
        Assert.False(user.IsInRole("Admin"));
        Assert.True(user.HasClaim("perm", "orders:read"));
        Assert.Equal(["ann", "Customer", "orders:read"], user.Claims.Select(c => c.Value));
        Assert.Equal("Customer", user.FindFirst(c => c.Type == "role")?.Value);
        Assert.Single(user.FindAll("perm"));
    }

    [Fact]
    public void A_change_stays_in_its_own_request()
    {
        var kept = Kept();
        var first = new SharedClaimsIdentity(kept);
        var second = new SharedClaimsIdentity(kept);

        first.AddClaim(new Claim("role", "Admin"));
        Assert.True(first.TryRemoveClaim(first.FindFirst("perm")));

        Assert.True(new ClaimsPrincipal(first).IsInRole("Admin"));
        Assert.False(first.HasClaim("perm", "orders:read"));
        Assert.All(first.Claims, c => Assert.Same(first, c.Subject));
        // The kept identity and another request's identity are untouched.
        Assert.Equal(3, kept.Claims.Count());
        Assert.False(new ClaimsPrincipal(second).IsInRole("Admin"));
        Assert.True(second.HasClaim("perm", "orders:read"));
        Assert.Equal(["ann", "Customer", "orders:read"], second.Claims.Select(c => c.Value));
    }

    [Fact]
    public void A_clone_is_independent_of_the_original()
    {
        var kept = Kept();
        var identity = new SharedClaimsIdentity(kept);
        var clone = identity.Clone();
        clone.AddClaim(new Claim("role", "Courier"));

        Assert.True(clone.HasClaim("role", "Courier"));
        Assert.False(identity.HasClaim("role", "Courier"));
        Assert.False(kept.HasClaim("role", "Courier"));
        Assert.Equal("ann", clone.Name);
    }
}
