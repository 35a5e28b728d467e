namespace BaaS.Auth;

/// <summary>
/// One OAuth 2.0 sign-in provider, from configuration alone: <c>Auth:OAuth:github:ClientId</c>,
/// <c>Auth:OAuth:google:ClientId</c>, or any name with an <see cref="Authority"/> for an OpenID Connect provider.
/// Sign-in starts at <c>GET /auth/{name}</c>, which is also the callback to register with the provider.
/// </summary>
public sealed class OAuthProviderOptions
{
    /// <summary><c>github</c>, <c>google</c> or <c>oidc</c>; by default the provider's name when it is github or google, else oidc.</summary>
    public string? Type { get; set; }

    /// <summary>The client id the provider gave the app.</summary>
    public string? ClientId { get; set; }

    /// <summary>The client secret the provider gave the app (configuration or environment, never source).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>OpenID Connect: the issuer, whose <c>/.well-known/openid-configuration</c> names the endpoints and keys.</summary>
    public string? Authority { get; set; }

    /// <summary>The scopes asked for; defaults per type (<c>openid email profile</c>; GitHub: <c>read:user user:email</c>).</summary>
    public List<string>? Scopes { get; set; }

    /// <summary>Overrides the authorization endpoint (GitHub's, or the discovered one).</summary>
    public string? AuthorizationEndpoint { get; set; }

    /// <summary>Overrides the token endpoint.</summary>
    public string? TokenEndpoint { get; set; }

    /// <summary>Overrides the user-info endpoint (GitHub: its <c>/user</c> API).</summary>
    public string? UserInfoEndpoint { get; set; }

    /// <summary>GitHub: the emails API (<c>/user/emails</c>), which says which addresses are verified.</summary>
    public string? EmailsEndpoint { get; set; }

    /// <summary>The name shown for the provider.</summary>
    public string? DisplayName { get; set; }
}
