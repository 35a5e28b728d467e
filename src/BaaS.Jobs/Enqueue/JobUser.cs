using System.Security.Claims;
using BaaS.Auth;

namespace BaaS.Jobs;

/// <summary>
/// The user a job runs as, stored with the job: its id, name, email, roles and permissions, from which the run
/// rebuilds a <see cref="ClaimsPrincipal"/> with the platform's claim names (<see cref="AuthClaims"/>).
/// </summary>
public sealed class JobUser
{
    /// <summary>The user's id (<c>sub</c>).</summary>
    public string? UserId { get; set; }

    /// <summary>The user's name.</summary>
    public string? UserName { get; set; }

    /// <summary>The user's email.</summary>
    public string? Email { get; set; }

    /// <summary>The user's roles.</summary>
    public List<string> Roles { get; set; } = [];

    /// <summary>The user's permissions.</summary>
    public List<string> Permissions { get; set; } = [];

    /// <summary>The signed-in user's claims, or null for an anonymous principal.</summary>
    public static JobUser? From(ClaimsPrincipal? user)
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

    /// <summary>A signed-in principal with these claims (authentication type <c>BackgroundJob</c>).</summary>
    public ClaimsPrincipal ToPrincipal()
    {
        var claims = new List<Claim>();
        if (UserId is not null) claims.Add(new Claim(AuthClaims.UserId, UserId));
        if (UserName is not null) claims.Add(new Claim(AuthClaims.UserName, UserName));
        if (Email is not null) claims.Add(new Claim(AuthClaims.Email, Email));
        claims.AddRange(Roles.Select(r => new Claim(AuthClaims.Role, r)));
        claims.AddRange(Permissions.Select(p => new Claim(AuthClaims.Permission, p)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "BackgroundJob", AuthClaims.UserName, AuthClaims.Role));
    }
}
