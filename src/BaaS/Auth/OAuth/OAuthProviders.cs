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
            if (name is "credentials" or "logout" or "confirm-email")
                throw new InvalidOperationException($"'{name}' cannot name an OAuth provider: /auth/{name} has another meaning.");
            var type = (provider.Type ?? name).ToLowerInvariant();
            switch (type)
            {
                case "github":
                    if (string.IsNullOrWhiteSpace(provider.ClientSecret))
                        throw new InvalidOperationException($"OAuth provider '{name}' (GitHub) needs Auth:OAuth:{name}:ClientSecret.");
                    _providers[name] = new GitHubOAuthProvider(name, provider, httpClients);
                    break;
                case "google":
                    provider.Authority ??= "https://accounts.google.com";
                    _providers[name] = new OpenIdConnectProvider(name, provider, httpClients, clock);
                    break;
                default:
                    if (string.IsNullOrWhiteSpace(provider.Authority))
                        throw new InvalidOperationException(
                            $"OAuth provider '{name}' needs Auth:OAuth:{name}:Authority (its OpenID Connect issuer URL), or Type 'github' or 'google'.");
                    _providers[name] = new OpenIdConnectProvider(name, provider, httpClients, clock);
                    break;
            }
        }
    }

    public IEnumerable<string> Names => _providers.Keys;

    public IEnumerable<OAuthProvider> All => _providers.Values;

    public OAuthProvider? Find(string name) => _providers.GetValueOrDefault(name);
}
