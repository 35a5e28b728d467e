namespace BaaS.Auth;

/// <summary>The claim types the framework reads from (and the platform's sign-in writes to) the signed-in user.</summary>
public static class AuthClaims
{
    /// <summary>The user's id (JWT <c>sub</c>).</summary>
    public const string UserId = "sub";

    /// <summary>The user's name (JWT <c>name</c>).</summary>
    public const string UserName = "name";

    /// <summary>The user's email.</summary>
    public const string Email = "email";

    /// <summary>A role (JWTs carry <c>role</c>; ASP.NET Core's <see cref="System.Security.Claims.ClaimTypes.Role"/> works too).</summary>
    public const string Role = "role";

    /// <summary>A permission.</summary>
    public const string Permission = "perm";

    /// <summary>The session (refresh-token family) an access token belongs to (JWT <c>sid</c>).</summary>
    public const string SessionId = "sid";

    /// <summary>How the caller authenticated: <c>credentials</c>, an OAuth provider's name, or <c>apikey</c>.</summary>
    public const string AuthMethod = "amr";

    /// <summary>A scope of the API key the caller sent.</summary>
    public const string Scope = "scope";

    /// <summary>The id of the API key the caller sent.</summary>
    public const string ApiKeyId = "api_key_id";
}
