using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;

namespace BaaS.Testing;

/// <summary>
/// The one test authentication scheme: a request acts as a user without signing in, by a header
/// <c>X-Test-User: user|role1,role2|perm1,perm2|session</c> where <c>user</c> is a name (also the user id) or <c>id:name</c>,
/// and the optional <c>session</c> is the access token's <c>sid</c>.
/// It is a real ASP.NET Core scheme, so the framework's authorization runs exactly as with JWTs or API keys (which the
/// auth suite tests on their own). Turn it on with <see cref="TestServerOptions.UseTestAuthentication"/>.
/// </summary>
public static class TestAuthentication
{
    /// <summary>The scheme's name.</summary>
    public const string SchemeName = TestAuthenticationHandler.SchemeName;

    /// <summary>The request header that names the user.</summary>
    public const string Header = TestAuthenticationHandler.Header;

    /// <summary>The header value for a user: <c>User("7", "olive", ["Ops"])</c> is <c>7:olive|Ops|</c>.</summary>
    public static string User(string? id, string name, IEnumerable<string>? roles = null, IEnumerable<string>? permissions = null, string? sessionId = null) =>
        $"{(id is null ? name : id + ":" + name)}|{string.Join(',', roles ?? [])}|{string.Join(',', permissions ?? [])}" + (sessionId is null ? "" : "|" + sessionId);

    /// <summary>Registers the scheme as the default authentication scheme.</summary>
    public static IServiceCollection AddTestAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(SchemeName).AddScheme<AuthenticationSchemeOptions, TestAuthenticationHandler>(SchemeName, null);
        return services;
    }
}
