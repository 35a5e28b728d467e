using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text.Encodings.Web;
using BaaS;
using BaaS.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace NativeFixtures.Auth;

/// <summary>Signs in with a user name and password (ServiceStack's protocol: <c>POST /auth/credentials</c>).</summary>
[Tag("Auth"), Route("/auth/{Provider}")]
public class Authenticate : IReturn<AuthenticateResponse>, IPost
{
    public string? Provider { get; set; }

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public bool? RememberMe { get; set; }
}

/// <summary>Who signed in, with the tokens to send next.</summary>
public class AuthenticateResponse
{
    public string? UserId { get; set; }

    public string? UserName { get; set; }

    /// <summary>Send as <c>Authorization: Bearer ...</c>.</summary>
    public string? BearerToken { get; set; }

    /// <summary>Trade for a new bearer token at <c>/api/GetAccessToken</c> when it expires.</summary>
    public string? RefreshToken { get; set; }

    public List<string>? Roles { get; set; }

    public ResponseStatus? ResponseStatus { get; set; }
}

/// <summary>A new access token for a refresh token.</summary>
[Tag("Auth"), Route("/access-token")]
public class GetAccessToken : IReturn<GetAccessTokenResponse>, IPost
{
    public string? RefreshToken { get; set; }

    public bool? UseTokenCookie { get; set; }
}

public class GetAccessTokenResponse
{
    public string? AccessToken { get; set; }

    public ResponseStatus? ResponseStatus { get; set; }
}

/// <summary>
/// The test server's tokens: opaque strings the test can expire at will, so clients' refresh is exercised for real.
/// (The platform's own JWT auth is built on the auth branch; the programs only speak the protocol.)
/// </summary>
public sealed class TokenStore
{
    public const string UserName = "ann@example.org";
    public const string Password = "correct horse";

    private readonly ConcurrentDictionary<string, (string User, bool Expired)> _access = new();
    private readonly ConcurrentDictionary<string, string> _refresh = new();
    private int _refreshes;

    public int Refreshes => _refreshes;

    public (string Access, string Refresh) SignIn(string user)
    {
        var refresh = "rt-" + Guid.NewGuid().ToString("N");
        _refresh[refresh] = user;
        return (NewAccess(user), refresh);
    }

    public string? Refresh(string refreshToken)
    {
        if (!_refresh.TryGetValue(refreshToken, out var user)) return null;
        Interlocked.Increment(ref _refreshes);
        return NewAccess(user);
    }

    /// <summary>Every access token issued so far stops working (refresh tokens still do).</summary>
    public void ExpireAccessTokens()
    {
        foreach (var key in _access.Keys) _access[key] = (_access[key].User, true);
    }

    public (string User, bool Expired)? Find(string token) => _access.TryGetValue(token, out var entry) ? entry : null;

    private string NewAccess(string user)
    {
        var token = "at-" + Guid.NewGuid().ToString("N");
        _access[token] = (user, false);
        return token;
    }
}

public class SignInServices(TokenStore tokens) : Service
{
    public AuthenticateResponse Post(Authenticate request)
    {
        if (!string.Equals(request.Provider, "credentials", StringComparison.OrdinalIgnoreCase))
            throw HttpError.NotFound($"No auth provider '{request.Provider}'.");
        if (request.UserName != TokenStore.UserName || request.Password != TokenStore.Password)
            throw HttpError.Unauthorized("Invalid UserName or Password", "InvalidCredentials");
        var (access, refresh) = tokens.SignIn(request.UserName);
        return new AuthenticateResponse { UserId = "1", UserName = request.UserName, BearerToken = access, RefreshToken = refresh, Roles = ["Owner"] };
    }

    public GetAccessTokenResponse Post(GetAccessToken request) =>
        tokens.Refresh(request.RefreshToken ?? "") is { } access
            ? new GetAccessTokenResponse { AccessToken = access }
            : throw HttpError.Unauthorized("The refresh token is not valid.", "InvalidRefreshToken");
}

/// <summary><c>Authorization: Bearer at-...</c> from <see cref="TokenStore"/>; an expired token signs nobody in (401).</summary>
public sealed class TokenAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, TokenStore tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "TestBearer";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal)) return Task.FromResult(AuthenticateResult.NoResult());
        if (tokens.Find(header["Bearer ".Length..].Trim()) is not { } entry) return Task.FromResult(AuthenticateResult.Fail("Unknown token."));
        if (entry.Expired) return Task.FromResult(AuthenticateResult.Fail("The token has expired."));
        var claims = new[] { new Claim(AuthClaims.UserName, entry.User), new Claim(AuthClaims.Role, "Owner") };
        var identity = new ClaimsIdentity(claims, SchemeName, AuthClaims.UserName, AuthClaims.Role);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
