using System.Security.Claims;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace BaaS.Auth.OAuth;

/// <summary>
/// Any OpenID Connect provider (Google is one, at <c>https://accounts.google.com</c>): endpoints and signing keys come
/// from <c>{Authority}/.well-known/openid-configuration</c> and its <c>jwks_uri</c> (cached for an hour, fetched again
/// when a token names an unknown key). The <c>id_token</c> must be signed by one of those keys with an asymmetric
/// algorithm, issued by the discovered issuer to this client id, unexpired, and carry the nonce of this sign-in.
/// </summary>
internal sealed class OpenIdConnectProvider(string name, OAuthProviderOptions options, IHttpClientFactory httpClients, TimeProvider clock)
    : OAuthProvider(name, options, httpClients)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromHours(1);
    private static readonly string[] AsymmetricAlgorithms =
    [
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512,
        SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512,
    ];

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private Discovery? _discovery;

    protected override IReadOnlyList<string> DefaultScopes { get; } = ["openid", "email", "profile"];

    protected override bool UsesNonce => true;

    protected override async Task<string> AuthorizationEndpointAsync(CancellationToken ct) =>
        Options.AuthorizationEndpoint ?? (await DiscoverAsync(false, ct).ConfigureAwait(false)).AuthorizationEndpoint;

    protected override async Task<string> TokenEndpointAsync(CancellationToken ct) =>
        Options.TokenEndpoint ?? (await DiscoverAsync(false, ct).ConfigureAwait(false)).TokenEndpoint;

    protected override async Task<ExternalIdentity> IdentityAsync(string accessToken, string? idToken, string nonce, CancellationToken ct)
    {
        if (idToken is null) throw new OAuthException("OAuthBadResponse", $"{DisplayName} answered without an id_token: is 'openid' among the scopes?");
        var discovery = await DiscoverAsync(false, ct).ConfigureAwait(false);
        var result = await ValidateAsync(idToken, discovery).ConfigureAwait(false);
        if (!result.IsValid && result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // The provider may have rotated its keys since they were cached.
            discovery = await DiscoverAsync(true, ct).ConfigureAwait(false);
            result = await ValidateAsync(idToken, discovery).ConfigureAwait(false);
        }
        if (!result.IsValid)
            throw new OAuthException("OAuthInvalidIdToken", $"{DisplayName}'s id_token was refused: {result.Exception?.GetType().Name ?? "invalid"}.");
        var identity = result.ClaimsIdentity;
        if (!string.Equals(identity.FindFirst("nonce")?.Value, nonce, StringComparison.Ordinal))
            throw new OAuthException("OAuthInvalidIdToken", $"{DisplayName}'s id_token was not issued for this sign-in (nonce mismatch).");

        var sub = identity.FindFirst("sub")?.Value ?? throw new OAuthException("OAuthInvalidIdToken", $"{DisplayName}'s id_token has no subject.");
        var email = identity.FindFirst("email")?.Value;
        var verified = IsTrue(identity.FindFirst("email_verified"));
        var userName = identity.FindFirst("preferred_username")?.Value;
        var displayName = identity.FindFirst("name")?.Value;
        var picture = identity.FindFirst("picture")?.Value;

        var userInfoEndpoint = Options.UserInfoEndpoint ?? discovery.UserInfoEndpoint;
        if (email is null && userInfoEndpoint is not null)
        {
            using var info = await GetJsonAsync(userInfoEndpoint, accessToken, ct).ConfigureAwait(false);
            var root = info.RootElement;
            // The user info must be about the same subject as the id_token.
            if (Text(root, "sub") == sub)
            {
                email = Text(root, "email");
                verified = root.TryGetProperty("email_verified", out var v) && (v.ValueKind == JsonValueKind.True || (v.ValueKind == JsonValueKind.String && v.GetString() == "true"));
                userName ??= Text(root, "preferred_username");
                displayName ??= Text(root, "name");
                picture ??= Text(root, "picture");
            }
        }
        return new ExternalIdentity(Name, sub, email, verified && email is not null, userName, displayName, picture);
    }

    private Task<TokenValidationResult> ValidateAsync(string idToken, Discovery discovery) =>
        _handler.ValidateTokenAsync(idToken, new TokenValidationParameters
        {
            ValidIssuer = discovery.Issuer,
            ValidAudience = ClientId,
            IssuerSigningKeys = discovery.Keys,
            ValidAlgorithms = AsymmetricAlgorithms,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ClockSkew = TimeSpan.FromMinutes(2),
            LifetimeValidator = (notBefore, expires, _, p) =>
            {
                var now = clock.GetUtcNow().UtcDateTime;
                return expires is { } exp && exp + p.ClockSkew > now && (notBefore is not { } nbf || nbf <= now + p.ClockSkew);
            },
        });

    private async Task<Discovery> DiscoverAsync(bool force, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var current = _discovery;
        if (!force && current is not null && current.FetchedAt + CacheFor > now) return current;
        await _refresh.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (!force && _discovery is { } fresh && fresh.FetchedAt + CacheFor > now) return fresh;
            var authority = Options.Authority?.TrimEnd('/') ?? throw new InvalidOperationException($"OAuth provider '{Name}' has no Authority.");
            string issuer, authorize, token, jwksUri;
            string? userInfo;
            using (var client = CreateClient())
            using (var document = ParseJson(await client.GetStringAsync(authority + "/.well-known/openid-configuration", ct).ConfigureAwait(false), "discovery document"))
            {
                var root = document.RootElement;
                issuer = Text(root, "issuer") ?? throw new OAuthException("OAuthBadResponse", $"{DisplayName}'s discovery document has no issuer.");
                authorize = Text(root, "authorization_endpoint") ?? throw new OAuthException("OAuthBadResponse", $"{DisplayName}'s discovery document has no authorization_endpoint.");
                token = Text(root, "token_endpoint") ?? throw new OAuthException("OAuthBadResponse", $"{DisplayName}'s discovery document has no token_endpoint.");
                jwksUri = Text(root, "jwks_uri") ?? throw new OAuthException("OAuthBadResponse", $"{DisplayName}'s discovery document has no jwks_uri.");
                userInfo = Text(root, "userinfo_endpoint");
            }
            if (!string.Equals(issuer.TrimEnd('/'), authority, StringComparison.Ordinal))
                throw new OAuthException("OAuthBadResponse", $"{DisplayName}'s discovery document names the issuer '{issuer}', not its authority '{authority}'.");
            JsonWebKeySet keys;
            using (var client = CreateClient())
                keys = new JsonWebKeySet(await client.GetStringAsync(jwksUri, ct).ConfigureAwait(false));
            return _discovery = new Discovery(issuer, authorize, token, userInfo, [.. keys.GetSigningKeys()], now);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            throw new OAuthException("OAuthProviderUnavailable", $"{DisplayName} could not be reached: {e.Message}");
        }
        finally
        {
            _refresh.Release();
        }
    }

    private static bool IsTrue(Claim? claim) => claim is not null && string.Equals(claim.Value, "true", StringComparison.OrdinalIgnoreCase);

    private sealed record Discovery(string Issuer, string AuthorizationEndpoint, string TokenEndpoint, string? UserInfoEndpoint,
        IReadOnlyList<SecurityKey> Keys, DateTimeOffset FetchedAt);
}
