using System.Net;
using System.Security.Cryptography;
using BaaS.Auth.Tests.Infrastructure;
using BaaS.Client;
using Microsoft.Extensions.Options;

namespace BaaS.Auth.Tests.Suites;

/// <summary>
/// Links and redirects come from the configured public URL, never from the Host header a caller sends; outside
/// Development the app refuses to start without one, or with AllowedHosts left at *.
/// </summary>
public class PublicUrlTests
{
    private static string Secret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public async Task A_reset_link_asked_for_with_a_hostile_host_header_points_at_the_public_url()
    {
        var emails = new CapturingEmailSender();
        await using var host = await MiniServer.StartAsync("Development",
            new() { ["Auth:Jwt:Secret"] = Secret(), ["PublicUrl"] = "https://app.example.com/" }, services: s => s.AddSingletonEmail(emails));
        using var client = new JsonApiClient(host.BaseUrl);
        await client.SendAsync(new Register { Email = "victim@example.com", Password = "a long password" });

        using var http = host.CreateHttp();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ForgotPassword")
        {
            Content = new StringContent("""{"email":"victim@example.com"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Host = "evil.example";
        using var response = await http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());

        var link = emails.Last("victim@example.com", "reset-password").Link!;
        Assert.StartsWith("https://app.example.com/reset-password?userId=", link);
        Assert.DoesNotContain("evil.example", emails.Last("victim@example.com", "confirm-email").Link!);
    }

    [Fact]
    public async Task Production_refuses_to_start_without_a_public_url_or_with_any_host_allowed()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => MiniServer.StartAsync("Production",
            new() { ["Auth:Jwt:Secret"] = Secret(), ["PublicUrl"] = null, ["AllowedHosts"] = "*" }));
        Assert.Contains("PublicUrl is not set", error.Message);
        Assert.Contains("AllowedHosts is '*'", error.Message);

        var bad = await Assert.ThrowsAsync<OptionsValidationException>(() => MiniServer.StartAsync("Production",
            new() { ["Auth:Jwt:Secret"] = Secret(), ["PublicUrl"] = "app.example.com" }));
        Assert.Contains("PublicUrl 'app.example.com' must be the site's absolute http or https address", bad.Message);
    }

    [Fact]
    public async Task Generated_clients_name_the_public_url_as_their_base()
    {
        await using var host = await MiniServer.StartAsync("Production", new() { ["Auth:Jwt:Secret"] = Secret(), ["PublicUrl"] = "https://api.example.com" },
            services: s => s.AddNativeTypes());
        using var http = host.CreateHttp();
        var typescript = await http.GetStringAsync("/types/typescript");
        Assert.Contains("BaseUrl: https://api.example.com", typescript);
    }
}
