using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace BaaS.Auth.Tests.Infrastructure;

/// <summary>Who the fake provider signs in next.</summary>
public sealed record FakeUser(string Id, string Login, string? Email, bool EmailVerified, string Name);

/// <summary>
/// A small OAuth 2.0 / OpenID Connect provider on a test server (a real Kestrel at 127.0.0.1): <c>/authorize</c> (redirects back with
/// a code), <c>/token</c> (checks client secret, redirect URI and the PKCE verifier; single-use codes), OpenID
/// discovery, JWKS, <c>/userinfo</c>, and GitHub's <c>/user</c> and <c>/user/emails</c>. Tests choose the next user and
/// can make it misbehave (sign the id_token with another key, for another audience, with another nonce).
/// </summary>
public sealed class FakeOAuthProvider : IAsyncDisposable
{
    public const string ClientId = "baas-test-client";
    public const string ClientSecret = "baas-test-secret";

    private TestServer _server = null!;
    private readonly RSA _key = RSA.Create(2048);
    private readonly RSA _otherKey = RSA.Create(2048);
    private readonly ConcurrentDictionary<string, Grant> _codes = new();
    private readonly ConcurrentDictionary<string, FakeUser> _accessTokens = new();

    private FakeOAuthProvider() { }

    public string BaseUrl { get; private set; } = "";

    public FakeUser NextUser { get; set; } = new("1", "octocat", "octo@example.com", true, "Octo Cat");

    public bool SignIdTokenWithOtherKey { get; set; }

    public string? IdTokenAudience { get; set; }

    public bool WrongNonce { get; set; }

    /// <summary>The last PKCE verifier the token endpoint accepted.</summary>
    public string? LastVerifier { get; private set; }

    public void Reset()
    {
        SignIdTokenWithOtherKey = false;
        IdTokenAudience = null;
        WrongNonce = false;
    }

    public static async Task<FakeOAuthProvider> StartAsync()
    {
        var provider = new FakeOAuthProvider();
        // A third party's server, not a BaaS app: only the provider's own endpoints.
        provider._server = await TestServer.StartAsync(o =>
        {
            o.EnvironmentName = "Production";
            o.UseBaaS = false;
            o.ConfigureApp += provider.Map;
        });
        provider.BaseUrl = provider._server.BaseUrl;
        return provider;
    }

    private void Map(WebApplication app)
    {
        app.MapGet("/authorize", (HttpContext context) =>
        {
            var q = context.Request.Query;
            if (q["response_type"] != "code" || q["client_id"] != ClientId || string.IsNullOrEmpty(q["redirect_uri"]) ||
                string.IsNullOrEmpty(q["state"]) || string.IsNullOrEmpty(q["code_challenge"]) || q["code_challenge_method"] != "S256")
                return Results.BadRequest("bad authorization request");
            var code = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16));
            _codes[code] = new Grant(NextUser, q["redirect_uri"]!, q["code_challenge"]!, q["nonce"], q["scope"].ToString());
            return Results.Redirect($"{q["redirect_uri"]}?code={code}&state={Uri.EscapeDataString(q["state"]!)}");
        });

        app.MapPost("/token", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            if (form["client_id"] != ClientId || form["client_secret"] != ClientSecret)
                return Results.Json(new { error = "invalid_client" }, statusCode: 401);
            if (form["grant_type"] != "authorization_code" || !_codes.TryRemove(form["code"].ToString(), out var grant))
                return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
            if (form["redirect_uri"] != grant.RedirectUri)
                return Results.Json(new { error = "invalid_grant", error_description = "redirect_uri differs" }, statusCode: 400);
            var verifier = form["code_verifier"].ToString();
            var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
            if (challenge != grant.Challenge) return Results.Json(new { error = "invalid_grant", error_description = "PKCE" }, statusCode: 400);
            LastVerifier = verifier;
            var accessToken = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16));
            _accessTokens[accessToken] = grant.User;
            var idToken = grant.Scope.Split(' ').Contains("openid") ? IdToken(grant) : null;
            return Results.Json(new { access_token = accessToken, token_type = "Bearer", expires_in = 3600, id_token = idToken });
        });

        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new
        {
            issuer = BaseUrl,
            authorization_endpoint = BaseUrl + "/authorize",
            token_endpoint = BaseUrl + "/token",
            userinfo_endpoint = BaseUrl + "/userinfo",
            jwks_uri = BaseUrl + "/jwks",
        }));

        app.MapGet("/jwks", () =>
        {
            var p = _key.ExportParameters(false);
            return Results.Json(new
            {
                keys = new[]
                {
                    new { kty = "RSA", use = "sig", alg = "RS256", kid = "fake-1", n = Base64UrlEncoder.Encode(p.Modulus!), e = Base64UrlEncoder.Encode(p.Exponent!) },
                },
            });
        });

        app.MapGet("/userinfo", (HttpContext context) => WithUser(context, u => Results.Json(new
        {
            sub = u.Id, email = u.Email, email_verified = u.EmailVerified, name = u.Name, preferred_username = u.Login,
        })));
        app.MapGet("/user", (HttpContext context) => WithUser(context, u => Results.Json(new
        {
            id = long.Parse(u.Id, System.Globalization.CultureInfo.InvariantCulture), login = u.Login, name = u.Name, avatar_url = $"{BaseUrl}/avatars/{u.Id}",
        })));
        app.MapGet("/user/emails", (HttpContext context) => WithUser(context, u => Results.Json(u.Email is null
            ? Array.Empty<object>()
            : [new { email = "old-" + u.Email, primary = false, verified = false }, new { email = u.Email, primary = true, verified = u.EmailVerified }])));
    }

    private IResult WithUser(HttpContext context, Func<FakeUser, IResult> answer)
    {
        var header = context.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.Ordinal) && _accessTokens.TryGetValue(header[7..], out var user)
            ? answer(user)
            : Results.Json(new { message = "Bad credentials" }, statusCode: 401);
    }

    private string IdToken(Grant grant)
    {
        var signingKey = new RsaSecurityKey(SignIdTokenWithOtherKey ? _otherKey : _key) { KeyId = "fake-1" };
        var claims = new List<Claim> { new("sub", grant.User.Id), new("name", grant.User.Name), new("preferred_username", grant.User.Login) };
        if (grant.User.Email is not null)
        {
            claims.Add(new Claim("email", grant.User.Email));
            claims.Add(new Claim("email_verified", grant.User.EmailVerified ? "true" : "false", ClaimValueTypes.Boolean));
        }
        if (grant.Nonce is not null) claims.Add(new Claim("nonce", WrongNonce ? "not-" + grant.Nonce : grant.Nonce));
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = BaseUrl,
            Audience = IdTokenAudience ?? ClientId,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(5),
            SigningCredentials = new SigningCredentials(signingKey, SecurityAlgorithms.RsaSha256),
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _key.Dispose();
        _otherKey.Dispose();
    }

    private sealed record Grant(FakeUser User, string RedirectUri, string Challenge, string? Nonce, string Scope);
}
