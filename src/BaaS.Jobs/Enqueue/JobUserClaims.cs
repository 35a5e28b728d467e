using System.Security.Claims;
using BaaS.Auth;

namespace BaaS.Jobs;

/// <summary>
/// Converts between a signed-in principal and the <see cref="JobUser"/> a job stores: the job runs as a principal
/// rebuilt with the platform's claim names (<see cref="AuthClaims"/>).
/// </summary>
public static class JobUserClaims
{
    /// <summary>The signed-in user's id, name, email, roles and permissions, or null for an anonymous principal.</summary>
    public static JobUser? ToJobUser(this ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true) return null;
        var roleType = (user.Identity as ClaimsIdentity)?.RoleClaimType ?? ClaimTypes.Role;
        return new JobUser
        {
            UserId = user.GetUserId(),
            UserName = user.GetUserName(),
            Email = user.FindFirst(AuthClaims.Email)?.Value ?? user.FindFirst(ClaimTypes.Email)?.Value,
            Roles = [.. user.Claims.Where(c => c.Type == AuthClaims.Role || c.Type == ClaimTypes.Role || c.Type == roleType).Select(c => c.Value).Distinct()],
            Permissions = [.. user.FindAll(AuthClaims.Permission).Select(c => c.Value).Distinct()],
        };
    }

    /// <summary>A signed-in principal with the user's claims (authentication type <c>BackgroundJob</c>).</summary>
    public static ClaimsPrincipal ToPrincipal(this JobUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var claims = new List<Claim>();
        if (user.UserId is not null) claims.Add(new Claim(AuthClaims.UserId, user.UserId));
        if (user.UserName is not null) claims.Add(new Claim(AuthClaims.UserName, user.UserName));
        if (user.Email is not null) claims.Add(new Claim(AuthClaims.Email, user.Email));
        claims.AddRange(user.Roles.Select(r => new Claim(AuthClaims.Role, r)));
        claims.AddRange(user.Permissions.Select(p => new Claim(AuthClaims.Permission, p)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "BackgroundJob", AuthClaims.UserName, AuthClaims.Role));
    }
}
