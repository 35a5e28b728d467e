using System.Security.Claims;

namespace BaaS.Auth.Tokens;

/// <summary>
/// A request's identity that reads the claims of an identity kept by <see cref="ValidatedTokens"/> until the request's
/// code changes it: the first <c>AddClaim</c>, <c>RemoveClaim</c> or <c>TryRemoveClaim</c> gives this identity its own
/// copy of the claims, so a change never reaches the kept identity or another request. Until then no claim is copied,
/// which a request that only reads its claims (nearly all) never pays for.
/// </summary>
/// <remarks>A claim read before the first change has the kept identity as its <see cref="Claim.Subject"/>.</remarks>
internal sealed class SharedClaimsIdentity : ClaimsIdentity
{
    private ClaimsIdentity? _shared;

    public SharedClaimsIdentity(ClaimsIdentity shared)
        : base(shared.AuthenticationType, shared.NameClaimType, shared.RoleClaimType)
    {
        _shared = shared;
        Label = shared.Label;
    }

    // The kept identity's claims, copied (with this identity as their subject) on the first change.
    private void Own()
    {
        if (_shared is not { } shared) return;
        _shared = null;
        base.AddClaims(shared.Claims);
    }

    public override IEnumerable<Claim> Claims => _shared?.Claims ?? base.Claims;

    public override Claim? FindFirst(string type) => _shared is { } s ? s.FindFirst(type) : base.FindFirst(type);

    public override Claim? FindFirst(Predicate<Claim> match) => _shared is { } s ? s.FindFirst(match) : base.FindFirst(match);

    public override IEnumerable<Claim> FindAll(string type) => _shared is { } s ? s.FindAll(type) : base.FindAll(type);

    public override IEnumerable<Claim> FindAll(Predicate<Claim> match) => _shared is { } s ? s.FindAll(match) : base.FindAll(match);

    public override bool HasClaim(string type, string value) => _shared is { } s ? s.HasClaim(type, value) : base.HasClaim(type, value);

    public override bool HasClaim(Predicate<Claim> match) => _shared is { } s ? s.HasClaim(match) : base.HasClaim(match);

    public override void AddClaim(Claim claim)
    {
        Own();
        base.AddClaim(claim);
    }

    public override void AddClaims(IEnumerable<Claim?> claims)
    {
        Own();
        base.AddClaims(claims);
    }

    public override void RemoveClaim(Claim? claim)
    {
        Own();
        base.RemoveClaim(claim);
    }

    public override bool TryRemoveClaim(Claim? claim)
    {
        Own();
        return base.TryRemoveClaim(claim);
    }

    public override ClaimsIdentity Clone() => _shared is { } s ? new SharedClaimsIdentity(s) : base.Clone();

    public override void WriteTo(BinaryWriter writer)
    {
        Own();
        base.WriteTo(writer);
    }
}
