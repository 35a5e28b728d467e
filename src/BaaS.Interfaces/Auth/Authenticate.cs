namespace BaaS;

/// <summary>
/// ServiceStack's sign-in request. <c>POST /auth/credentials</c> (or <c>/api/Authenticate</c> with
/// <c>provider: "credentials"</c>) signs in with a user name (or email) and password; <c>GET /auth</c> answers the
/// current session; <c>POST /auth/logout</c> signs out; <c>GET /auth/{provider}</c> starts (and finishes) an OAuth sign-in
/// with GitHub, Google or an OpenID Connect provider.
/// </summary>
[Route("/auth")]
[Route("/auth/{Provider}")]
[Tag("Auth")]
public class Authenticate : IPost, IReturn<AuthenticateResponse>
{
    /// <summary><c>credentials</c>, <c>logout</c>, or the name of a configured OAuth provider.</summary>
    public string? Provider { get; set; }

    /// <summary>The user name or email (credentials).</summary>
    public string? UserName { get; set; }

    /// <summary>The password (credentials).</summary>
    public string? Password { get; set; }

    /// <summary>Keep the token cookies after the browser closes (persistent cookies).</summary>
    public bool? RememberMe { get; set; }

    /// <summary>Where an OAuth sign-in returns to when it is done (a path of this site, e.g. <c>/orders</c>).</summary>
    public string? ReturnUrl { get; set; }

    /// <summary>Answer with the token cookies only: the body leaves out the tokens, so page scripts never see them.</summary>
    public bool? UseTokenCookie { get; set; }

    /// <summary>Extra data; ignored by the server.</summary>
    public Dictionary<string, string>? Meta { get; set; }
}
