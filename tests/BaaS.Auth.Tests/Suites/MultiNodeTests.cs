using System.Net;
using System.Security.Cryptography;
using BaaS.Auth.Tests.Infrastructure;
using BaaS.Client;
using Microsoft.AspNetCore.WebUtilities;

namespace BaaS.Auth.Tests.Suites;

/// <summary>Two nodes of one app (different content roots, one database, one secret) serve each other's sessions and links.</summary>
public sealed class MultiNodeTests : IDisposable
{
    private readonly string _rootA = Directory.CreateTempSubdirectory("baas-node-a-").FullName;
    private readonly string _rootB = Directory.CreateTempSubdirectory("baas-node-b-").FullName;

    public void Dispose()
    {
        Directory.Delete(_rootA, recursive: true);
        Directory.Delete(_rootB, recursive: true);
    }

    [Fact]
    public async Task A_token_link_or_refresh_token_made_on_one_node_works_on_the_other()
    {
        var configuration = new Dictionary<string, string?> { ["Auth:Jwt:Secret"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) };
        var emails = new CapturingEmailSender();
        await using var nodeA = await MiniServer.StartAsync("Production", configuration, _rootA, services: s => s.AddSingletonEmail(emails));
        await using var nodeB = await MiniServer.StartAsync("Production", configuration, _rootB, services: s => s.AddSingletonEmail(emails), shareDatabaseWith: nodeA);

        using var a = new JsonApiClient(nodeA.BaseUrl);
        using var b = new JsonApiClient(nodeB.BaseUrl);
        var registered = await a.SendAsync(new Register { Email = "nodes@example.com", Password = "a long password", AutoLogin = true });
        b.BearerToken = registered.BearerToken;
        Assert.Equal(registered.UserId, (await b.SendAsync(new Authenticate())).UserId);
        var refreshed = await b.SendAsync(new GetAccessToken { RefreshToken = registered.RefreshToken });
        Assert.NotNull(refreshed.RefreshToken);

        // The confirmation link A wrote is opened on B: the data-protection key ring and its name are shared.
        var link = new Uri(emails.Last("nodes@example.com", "confirm-email").Link!);
        var query = QueryHelpers.ParseQuery(link.Query);
        var confirmed = await b.ApiAsync(new ConfirmEmail { UserId = query["userId"], Token = query["token"] });
        Assert.True(confirmed.Succeeded, confirmed.ErrorMessage);
    }
}

internal static class EmailServiceCollectionExtensions
{
    public static void AddSingletonEmail(this Microsoft.Extensions.DependencyInjection.IServiceCollection services, IEmailSender sender) =>
        Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton(services, sender);
}
