using System.Net;

namespace BaaS.Tests.Security;

/// <summary>
/// In Production with an https public URL, plain HTTP is redirected to the public URL (never to the Host header), and
/// answers over HTTPS carry HSTS; a switch turns the redirect off for proxies that end TLS and redirect themselves.
/// </summary>
public class HttpsTests
{
    private static Task<TestServer> StartAsync(Dictionary<string, string?> settings) =>
        SecureServer.StartAsync(new Dictionary<string, string?>(settings) { ["PublicUrl"] = "https://app.example.com" }, "Production");

    [Fact]
    public async Task Plain_http_is_redirected_to_the_same_path_under_the_public_url()
    {
        await using var server = await StartAsync(new() { ["BaaS:Security:Https:Redirect"] = null });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/QueryThings?skip=2&take=1");
        request.Headers.Host = "127.0.0.1";
        using var response = await server.CreateHttp(followRedirects: false).SendAsync(request);
        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal("https://app.example.com/api/QueryThings?skip=2&take=1", response.Headers.Location!.ToString());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.False(response.Headers.Contains("Strict-Transport-Security")); // never over plain HTTP
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_that_ended_tls_answers_carry_hsts_and_are_not_redirected()
    {
        await using var server = await StartAsync(new()
        {
            ["BaaS:Security:Https:Redirect"] = null,
            ["BaaS:Security:ForwardedHeaders:TrustedProxies:0"] = "127.0.0.1",
        });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metadata/app.json");
        request.Headers.Add("X-Forwarded-Proto", "https");
        using var response = await server.CreateHttp(followRedirects: false).SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("max-age=31536000", response.Headers.GetValues("Strict-Transport-Security").Single());
    }

    [Fact]
    public async Task A_spoofed_forwarded_proto_from_an_untrusted_address_is_still_redirected()
    {
        await using var server = await StartAsync(new() { ["BaaS:Security:Https:Redirect"] = null });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metadata/app.json");
        request.Headers.Add("X-Forwarded-Proto", "https");
        using var response = await server.CreateHttp(followRedirects: false).SendAsync(request);
        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
    }

    [Fact]
    public async Task The_redirect_can_be_turned_off_for_a_proxy_that_ends_tls()
    {
        await using var server = await StartAsync(new() { ["BaaS:Security:Https:Redirect"] = "false" });
        using var response = await server.CreateHttp(followRedirects: false).GetAsync("/metadata/app.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Development_neither_redirects_nor_sends_hsts()
    {
        await using var server = await SecureServer.StartAsync(new()
        {
            ["PublicUrl"] = "https://app.example.com",
            ["BaaS:Security:ForwardedHeaders:TrustedProxies:0"] = "127.0.0.1",
        });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metadata/app.json");
        request.Headers.Add("X-Forwarded-Proto", "https");
        using var response = await server.CreateHttp(followRedirects: false).SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }
}
