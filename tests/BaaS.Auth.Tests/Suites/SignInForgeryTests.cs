using System.Net;
using BaaS.Auth.Tests.Infrastructure;

namespace BaaS.Auth.Tests.Suites;

/// <summary>
/// Sign-in forgery: a page of another site must not sign the visitor's browser into an account of its choosing (its
/// own), nor register one. The operations that start a session refuse a request naming another, untrusted origin; a
/// request from the site itself, or from a program that names no origin, signs in as always.
/// </summary>
[Collection(SqliteCollection.Name)]
public sealed class SignInForgeryTests(SqliteAuthFixture host)
{
    private static Dictionary<string, string> From(string origin) => new() { ["Origin"] = origin };

    [Fact]
    public async Task Signing_in_or_registering_from_another_site_answers_403_and_starts_no_session()
    {
        var user = await host.SignUpAsync();
        using var http = host.CreateHttp(cookies: true);
        var credentials = $$"""{"userName":"{{user.UserName}}","password":"{{user.Password}}"}""";

        using (var forged = await http.SendAsync(HttpMethod.Post, "/auth/credentials", credentials, headers: From("https://evil.example")))
        {
            Assert.Equal("UntrustedOrigin", (await forged.ErrorAsync(HttpStatusCode.Forbidden)).GetProperty("errorCode").GetString());
            Assert.False(forged.Headers.Contains("Set-Cookie"));
        }
        using (var viaReferer = await http.SendAsync(HttpMethod.Post, "/api/Authenticate", credentials,
                   headers: new Dictionary<string, string> { ["Referer"] = "https://evil.example/page" }))
            Assert.Equal(HttpStatusCode.Forbidden, viaReferer.StatusCode);
        using (var opaque = await http.SendAsync(HttpMethod.Post, "/auth/credentials", credentials, headers: From("null")))
            Assert.Equal(HttpStatusCode.Forbidden, opaque.StatusCode);

        var name = "forged-" + Guid.NewGuid().ToString("N")[..10];
        using (var register = await http.SendAsync(HttpMethod.Post, "/api/Register",
                   $$"""{"userName":"{{name}}","email":"{{name}}@example.com","password":"Pass-1234567890","autoLogin":true}""",
                   headers: From("https://evil.example")))
            Assert.Equal(HttpStatusCode.Forbidden, register.StatusCode);
        using (var noAccount = await http.SendAsync(HttpMethod.Post, "/auth/credentials", $$"""{"userName":"{{name}}","password":"Pass-1234567890"}"""))
            Assert.Equal(HttpStatusCode.Unauthorized, noAccount.StatusCode);
    }

    [Fact]
    public async Task Signing_in_from_the_site_itself_or_from_a_program_works()
    {
        var user = await host.SignUpAsync();
        using var http = host.CreateHttp();
        var credentials = $$"""{"userName":"{{user.UserName}}","password":"{{user.Password}}"}""";
        var own = new Uri(host.Server.BaseUrl).GetLeftPart(UriPartial.Authority);
        using (var fromSite = await http.SendAsync(HttpMethod.Post, "/auth/credentials", credentials, headers: From(own)))
            Assert.Equal(HttpStatusCode.OK, fromSite.StatusCode);
        using (var fromProgram = await http.SendAsync(HttpMethod.Post, "/auth/credentials", credentials))
            Assert.Equal(HttpStatusCode.OK, fromProgram.StatusCode);
    }
}
