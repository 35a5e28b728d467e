using System.Net;
using Microsoft.Extensions.Options;

namespace BaaS.Tests.Security;

/// <summary>CORS is an explicit policy: none by default; listed origins get their preflights answered; <c>*</c> with credentials does not start.</summary>
public class CorsTests
{
    private static HttpRequestMessage Preflight(string origin, string method = "POST")
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/SaveNote");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", "content-type, authorization");
        return request;
    }

    [Fact]
    public async Task Without_settings_no_origin_is_allowed()
    {
        await using var server = await SecureServer.StartAsync();
        using var preflight = await server.Http.SendAsync(Preflight("https://spa.example.com"));
        Assert.False(preflight.Headers.Contains("Access-Control-Allow-Origin"));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metadata/app.json");
        request.Headers.Add("Origin", "https://spa.example.com");
        using var get = await server.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.False(get.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Listed_origins_get_their_preflight_answered_and_others_do_not()
    {
        await using var server = await SecureServer.StartAsync(new()
        {
            ["BaaS:Security:Cors:AllowedOrigins:0"] = "https://spa.example.com",
            ["BaaS:Security:Cors:AllowCredentials"] = "true",
        });
        using var preflight = await server.Http.SendAsync(Preflight("https://spa.example.com"));
        Assert.Equal(HttpStatusCode.NoContent, preflight.StatusCode);
        Assert.Equal("https://spa.example.com", preflight.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal("true", preflight.Headers.GetValues("Access-Control-Allow-Credentials").Single());
        Assert.Contains("POST", preflight.Headers.GetValues("Access-Control-Allow-Methods").Single());
        Assert.Contains("authorization", preflight.Headers.GetValues("Access-Control-Allow-Headers").Single(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("600", preflight.Headers.GetValues("Access-Control-Max-Age").Single());

        using var other = await server.Http.SendAsync(Preflight("https://evil.example"));
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));

        using var request = new HttpRequestMessage(HttpMethod.Get, "/metadata/app.json");
        request.Headers.Add("Origin", "https://spa.example.com");
        using var get = await server.Http.SendAsync(request);
        Assert.Equal("https://spa.example.com", get.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("X-Cookies", get.Headers.GetValues("Access-Control-Expose-Headers").Single());
    }

    [Fact]
    public async Task Any_origin_with_credentials_fails_startup()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => SecureServer.StartAsync(new()
        {
            ["BaaS:Security:Cors:AllowedOrigins:0"] = "*",
            ["BaaS:Security:Cors:AllowCredentials"] = "true",
        }));
        Assert.Contains("BaaS:Security:Cors allows any origin ('*') with credentials", error.Message);
    }

    [Fact]
    public async Task Origins_that_are_not_scheme_and_host_fail_startup_naming_them()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => SecureServer.StartAsync(new()
        {
            ["BaaS:Security:Cors:AllowedOrigins:0"] = "spa.example.com",
            ["BaaS:Security:Csrf:TrustedOrigins:0"] = "https://admin.example.com/app",
            ["BaaS:Security:ForwardedHeaders:TrustedProxies:0"] = "proxy.local",
        }));
        Assert.Contains("Cors:AllowedOrigins has 'spa.example.com'", error.Message);
        Assert.Contains("Csrf:TrustedOrigins has 'https://admin.example.com/app'", error.Message);
        Assert.Contains("TrustedProxies has 'proxy.local'", error.Message);
    }
}
