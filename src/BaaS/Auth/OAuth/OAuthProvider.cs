using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace BaaS.Auth.OAuth;

/// <summary>
/// One configured OAuth 2.0 provider: builds the authorization URL (authorization-code flow with PKCE S256 and
/// state) and trades the code for the user's identity.
/// </summary>
internal abstract class OAuthProvider(string name, OAuthProviderOptions options, IHttpClientFactory httpClients)
{
    public const string HttpClientName = "BaaS.Auth.OAuth";

    public string Name { get; } = name;

    public OAuthProviderOptions Options { get; } = options;

    public string DisplayName => Options.DisplayName ?? Name;

    protected string ClientId => Options.ClientId!;

    protected HttpClient CreateClient() => httpClients.CreateClient(HttpClientName);

    /// <summary>
    /// The URL the browser is sent to, e.g.
    /// <c>https://github.com/login/oauth/authorize?response_type=code&amp;client_id=..&amp;redirect_uri=..&amp;scope=read%3Auser&amp;state=..&amp;code_challenge=..&amp;code_challenge_method=S256</c>.
    /// </summary>
    public async Task<string> AuthorizationUrlAsync(string redirectUri, string state, string codeChallenge, string nonce, CancellationToken ct)
    {
        var endpoint = await AuthorizationEndpointAsync(ct).ConfigureAwait(false);
        var query = new Dictionary<string, string?>
        {
            ["response_type"] = "code",
            ["client_id"] = ClientId,
            ["redirect_uri"] = redirectUri,
            ["scope"] = string.Join(' ', Options.Scopes is { Count: > 0 } scopes ? scopes : DefaultScopes),
            ["state"] = state,
            ["code_challenge"] = codeChallenge,
            ["code_challenge_method"] = "S256",
        };
        if (UsesNonce) query["nonce"] = nonce;
        return QueryHelpers.AddQueryString(endpoint, query);
    }

    /// <summary>Trades the code for tokens and reads the user's identity from them.</summary>
    public async Task<ExternalIdentity> SignInAsync(string code, string redirectUri, string codeVerifier, string nonce, CancellationToken ct)
    {
        var endpoint = await TokenEndpointAsync(ct).ConfigureAwait(false);
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "authorization_code",
                ["code"] = code,
                ["redirect_uri"] = redirectUri,
                ["client_id"] = ClientId,
                ["client_secret"] = Options.ClientSecret ?? "",
                ["code_verifier"] = codeVerifier,
            }),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var client = CreateClient();
        using var response = await client.SendAsync(request, ct).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        using var json = ParseJson(body, "token endpoint");
        var root = json.RootElement;
        if (!response.IsSuccessStatusCode || root.TryGetProperty("error", out _))
            throw new OAuthException("OAuthTokenRefused", $"{DisplayName} refused the sign-in code: {Text(root, "error") ?? ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)} {Text(root, "error_description")}".TrimEnd());
        var accessToken = Text(root, "access_token") ?? throw new OAuthException("OAuthTokenRefused", $"{DisplayName} answered without an access token.");
        return await IdentityAsync(accessToken, Text(root, "id_token"), nonce, ct).ConfigureAwait(false);
    }

    protected abstract IReadOnlyList<string> DefaultScopes { get; }

    protected virtual bool UsesNonce => false;

    protected abstract Task<string> AuthorizationEndpointAsync(CancellationToken ct);

    protected abstract Task<string> TokenEndpointAsync(CancellationToken ct);

    protected abstract Task<ExternalIdentity> IdentityAsync(string accessToken, string? idToken, string nonce, CancellationToken ct);

    /// <summary>GETs JSON with the access token as a bearer token.</summary>
    protected async Task<JsonDocument> GetJsonAsync(string url, string accessToken, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("BaaS", "1.0"));
        using var client = CreateClient();
        using var response = await client.SendAsync(request, ct).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
            throw new OAuthException("OAuthUserInfoFailed", $"{DisplayName} answered {(int)response.StatusCode} to {new Uri(url).AbsolutePath}.");
        return ParseJson(body, new Uri(url).AbsolutePath);
    }

    protected JsonDocument ParseJson(string body, string what)
    {
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            throw new OAuthException("OAuthBadResponse", $"{DisplayName}'s {what} did not answer JSON.");
        }
    }

    protected static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;
}
