namespace BaaS.Auth;

/// <summary>The claim types the framework reads from the signed-in user.</summary>
public static class AuthClaims
{
    /// <summary>A role (JWTs carry <c>role</c>; ASP.NET Core's <see cref="System.Security.Claims.ClaimTypes.Role"/> works too).</summary>
    public const string Role = "role";

    /// <summary>A permission.</summary>
    public const string Permission = "perm";
}
