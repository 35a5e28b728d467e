using System.Text.Json;

namespace BaaS.Auth.OAuth;

/// <summary>
/// GitHub: OAuth 2.0 (not OpenID Connect). The user comes from <c>GET /user</c>; the email and whether it is verified
/// from <c>GET /user/emails</c> (the primary, verified address).
/// </summary>
internal sealed class GitHubOAuthProvider(string name, OAuthProviderOptions options, IHttpClientFactory httpClients)
    : OAuthProvider(name, options, httpClients)
{
    protected override IReadOnlyList<string> DefaultScopes { get; } = ["read:user", "user:email"];

    protected override Task<string> AuthorizationEndpointAsync(CancellationToken ct) =>
        Task.FromResult(Options.AuthorizationEndpoint ?? "https://github.com/login/oauth/authorize");

    protected override Task<string> TokenEndpointAsync(CancellationToken ct) =>
        Task.FromResult(Options.TokenEndpoint ?? "https://github.com/login/oauth/access_token");

    protected override async Task<ExternalIdentity> IdentityAsync(string accessToken, string? idToken, string nonce, CancellationToken ct)
    {
        string id;
        string? login, displayName, avatar;
        using (var user = await GetJsonAsync(Options.UserInfoEndpoint ?? "https://api.github.com/user", accessToken, ct).ConfigureAwait(false))
        {
            id = Text(user.RootElement, "id") ?? throw new OAuthException("OAuthBadResponse", $"{DisplayName} gave no user id.");
            login = Text(user.RootElement, "login");
            displayName = Text(user.RootElement, "name");
            avatar = Text(user.RootElement, "avatar_url");
        }

        string? email = null;
        var verified = false;
        using (var emails = await GetJsonAsync(Options.EmailsEndpoint ?? "https://api.github.com/user/emails", accessToken, ct).ConfigureAwait(false))
        {
            if (emails.RootElement.ValueKind == JsonValueKind.Array)
            {
                var list = emails.RootElement.EnumerateArray().ToList();
                var best = list.FirstOrDefault(e => IsTrue(e, "primary") && IsTrue(e, "verified"));
                if (best.ValueKind == JsonValueKind.Undefined) best = list.FirstOrDefault(e => IsTrue(e, "verified"));
                if (best.ValueKind == JsonValueKind.Undefined) best = list.FirstOrDefault(e => IsTrue(e, "primary"));
                if (best.ValueKind != JsonValueKind.Undefined)
                {
                    email = Text(best, "email");
                    verified = IsTrue(best, "verified");
                }
            }
        }
        return new ExternalIdentity(Name, id, email, verified && email is not null, login, displayName, avatar);
    }

    private static bool IsTrue(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;
}
