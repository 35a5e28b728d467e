namespace BaaS.Auth;

/// <summary>Names the auth feature registers under.</summary>
public static class AuthDefaults
{
    /// <summary>The ASP.NET Core authentication scheme that reads access tokens, token cookies and API keys.</summary>
    public const string Scheme = "BaaS";

    /// <summary>The prefix of every API key.</summary>
    public const string ApiKeyPrefix = "ak-";

    /// <summary>The <c>amr</c> of callers that sent an API key.</summary>
    public const string ApiKeyMethod = "apikey";

    /// <summary>The <c>amr</c> (and <see cref="Authenticate.Provider"/>) of password sign-ins.</summary>
    public const string CredentialsProvider = "credentials";

    /// <summary>The <c>amr</c> (and <see cref="AuthenticateResponse.AuthProvider"/>) of sign-ins with an emailed code (<see cref="SignInWithCode"/>).</summary>
    public const string EmailCodeProvider = "emailcode";
}
