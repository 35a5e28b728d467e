namespace BaaS.Auth.Tests.Infrastructure;

public static class SignedInExtensions
{
    /// <summary>The session id (<c>sid</c>) inside the user's access token.</summary>
    public static string SessionIdOf(this SignedIn user) => Jwt.Claim(user.BearerToken, "sid")!;
}
