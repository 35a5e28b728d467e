using Microsoft.Extensions.Options;

namespace BaaS.Auth.OAuth;

/// <summary>
/// The providers configured under <c>Auth:OAuth</c>, made once. A provider without a client id is left out; GitHub
/// needs a client secret; Google defaults its authority; any other name is OpenID Connect and needs an authority.
/// </summary>
internal sealed class OAuthProviders
{
    private readonly Dictionary<string, OAuthProvider> _providers = new(StringComparer.OrdinalIgnoreCase);

    public OAuthProviders(IOptions<AuthOptions> options, IHttpClientFactory httpClients, TimeProvider clock)
    {
        foreach (var (name, provider) in options.Value.OAuth)
        {
            if (string.IsNullOrWhiteSpace(provider.ClientId)) continue;
            if (ProblemOf(name, provider) is { } problem) throw new InvalidOperationException(problem);
            switch ((provider.Type ?? name).ToLowerInvariant())
            {
                case "github":
                    _providers[name] = new GitHubOAuthProvider(name, provider, httpClients);
                    break;
                case "google":
                    provider.Authority ??= "https://accounts.google.com";
                    _providers[name] = new OpenIdConnectProvider(name, provider, httpClients, clock);
                    break;
                default:
                    _providers[name] = new OpenIdConnectProvider(name, provider, httpClients, clock);
                    break;
            }
        }
    }

    /// <summary>What keeps the provider configured as <paramref name="name"/> from working, naming the setting, or null.</summary>
    internal static string? ProblemOf(string name, OAuthProviderOptions provider)
    {
        if (string.IsNullOrWhiteSpace(provider.ClientId)) return null;
        if (name is "credentials" or "logout" or "confirm-email")
            return $"Auth:OAuth:{name}: '{name}' cannot name an OAuth provider: /auth/{name} has another meaning.";
        return (provider.Type ?? name).ToLowerInvariant() switch
        {
            "github" when string.IsNullOrWhiteSpace(provider.ClientSecret) => $"OAuth provider '{name}' (GitHub) needs Auth:OAuth:{name}:ClientSecret.",
            "github" or "google" => null,
            _ when string.IsNullOrWhiteSpace(provider.Authority) =>
                $"OAuth provider '{name}' needs Auth:OAuth:{name}:Authority (its OpenID Connect issuer URL), or Type 'github' or 'google'.",
            _ => null,
        };
    }

    public IEnumerable<string> Names => _providers.Keys;

    public IEnumerable<OAuthProvider> All => _providers.Values;

    public OAuthProvider? Find(string name) => _providers.GetValueOrDefault(name);
}
