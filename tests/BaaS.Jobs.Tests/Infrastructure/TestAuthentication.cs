using System.Security.Claims;
using System.Text.Encodings.Web;
using BaaS.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BaaS.Jobs.Tests;

/// <summary>
/// A real ASP.NET Core authentication scheme for these tests: the header <c>X-Test-User: id|name|role1,role2|perm1</c>
/// signs the caller in with that id, name, roles and permissions.
/// </summary>
public sealed class TestAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Test";
    public const string Header = "X-Test-User";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var value)) return Task.FromResult(AuthenticateResult.NoResult());
        var parts = value.ToString().Split('|');
        var claims = new List<Claim> { new(AuthClaims.UserId, parts[0]) };
        if (parts.Length > 1) claims.Add(new Claim(AuthClaims.UserName, parts[1]));
        if (parts.Length > 2) claims.AddRange(parts[2].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(r => new Claim(AuthClaims.Role, r)));
        if (parts.Length > 3) claims.AddRange(parts[3].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(p => new Claim(AuthClaims.Permission, p)));
        var identity = new ClaimsIdentity(claims, SchemeName, AuthClaims.UserName, AuthClaims.Role);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
