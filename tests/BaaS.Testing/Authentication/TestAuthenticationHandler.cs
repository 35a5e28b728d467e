using System.Security.Claims;
using System.Text.Encodings.Web;
using BaaS.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BaaS.Testing;

/// <summary>Reads <see cref="TestAuthentication.Header"/> into a signed-in user with the framework's claims (see <see cref="AuthClaims"/>).</summary>
public sealed class TestAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The scheme's name.</summary>
    public const string SchemeName = "Test";

    /// <summary>The request header that names the user.</summary>
    public const string Header = "X-Test-User";

    /// <inheritdoc />
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var value)) return Task.FromResult(AuthenticateResult.NoResult());
        var parts = value.ToString().Split('|');
        var user = parts[0];
        var colon = user.IndexOf(':');
        var (id, name) = colon < 0 ? (user, user) : (user[..colon], user[(colon + 1)..]);
        var claims = new List<Claim> { new(AuthClaims.UserId, id), new(AuthClaims.UserName, name), new(ClaimTypes.Name, name) };
        if (parts.Length > 1) claims.AddRange(List(parts[1]).Select(r => new Claim(AuthClaims.Role, r)));
        if (parts.Length > 2) claims.AddRange(List(parts[2]).Select(p => new Claim(AuthClaims.Permission, p)));
        if (parts.Length > 3 && parts[3].Length > 0) claims.Add(new Claim(AuthClaims.SessionId, parts[3]));
        var identity = new ClaimsIdentity(claims, SchemeName, AuthClaims.UserName, AuthClaims.Role);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    private static string[] List(string value) => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
