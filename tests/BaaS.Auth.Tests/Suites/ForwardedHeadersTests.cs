using System.Net;
using BaaS.Auth.Tests.Infrastructure;
using BaaS.Client;

namespace BaaS.Auth.Tests.Suites;

/// <summary>
/// Behind a trusted reverse proxy the auth rate limit counts per real client (X-Forwarded-For); from any other address
/// the header changes nothing, so a client cannot spoof its way out of the limit. A forwarded host never makes links.
/// </summary>
public class ForwardedHeadersTests
{
    private static Task<TestServer> StartAsync(string? trustedProxy, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? services = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Auth:RateLimit:PermitLimit"] = "2",
            ["Auth:RateLimit:Window"] = "00:10:00",
            ["PublicUrl"] = "https://app.example.com",
        };
        if (trustedProxy is not null) settings["BaaS:Security:ForwardedHeaders:TrustedProxies:0"] = trustedProxy;
        return MiniServer.StartAsync("Development", settings, services: services);
    }

    private static async Task<HttpStatusCode> SignInAsync(TestServer server, string forwardedFor)
    {
        using var response = await server.Http.SendAsync(HttpMethod.Post, "/auth/credentials", """{"userName":"nobody","password":"wrong password"}""",
            headers: new Dictionary<string, string> { ["X-Forwarded-For"] = forwardedFor });
        return response.StatusCode;
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.0/8")]
    public async Task Behind_a_trusted_proxy_two_clients_get_separate_sign_in_budgets(string proxy)
    {
        await using var server = await StartAsync(proxy);
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInAsync(server, "203.0.113.7"));
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInAsync(server, "203.0.113.7"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInAsync(server, "203.0.113.7"));

        // Another client behind the same proxy still has its whole budget.
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInAsync(server, "198.51.100.9"));
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInAsync(server, "198.51.100.9"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInAsync(server, "198.51.100.9"));
    }

    [Fact]
    public async Task Without_a_trusted_proxy_a_spoofed_forwarded_for_does_not_escape_the_limit()
    {
        await using var server = await StartAsync(trustedProxy: null);
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInAsync(server, "203.0.113.7"));
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInAsync(server, "203.0.113.8"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInAsync(server, "203.0.113.9"));
    }

    [Fact]
    public async Task A_proxy_that_is_not_the_trusted_one_changes_nothing()
    {
        await using var server = await StartAsync("10.0.0.5");
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInAsync(server, "203.0.113.7"));
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInAsync(server, "203.0.113.8"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInAsync(server, "203.0.113.9"));
    }

    [Fact]
    public async Task A_forwarded_host_from_a_trusted_proxy_does_not_make_links()
    {
        var emails = new CapturingEmailSender();
        await using var server = await StartAsync("127.0.0.1", s => s.AddSingletonEmail(emails));
        using var client = new JsonApiClient(server.BaseUrl);
        await client.SendAsync(new Register { Email = "forwarded@example.com", Password = "a long password" });

        using var response = await server.Http.SendAsync(HttpMethod.Post, "/api/ForgotPassword", """{"email":"forwarded@example.com"}""",
            headers: new Dictionary<string, string> { ["X-Forwarded-For"] = "203.0.113.7", ["X-Forwarded-Host"] = "evil.example", ["X-Forwarded-Proto"] = "http" });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        Assert.StartsWith("https://app.example.com/reset-password?", emails.Last("forwarded@example.com", "reset-password").Link);
    }
}
