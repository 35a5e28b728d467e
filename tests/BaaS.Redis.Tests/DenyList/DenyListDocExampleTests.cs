using BaaS.Client;

namespace BaaS.Redis.Tests.DenyList;

/// <summary>Runs the deny-list example of docs/auth.md.</summary>
public sealed class DenyListDocExampleTests(MemorySqliteDenyListFixture host) : IClassFixture<MemorySqliteDenyListFixture>
{
    [Fact]
    public async Task An_apps_own_change_cuts_the_users_tokens_off_as_the_docs_show()
    {
        var member = await host.App.SignUpAsync(host.Node);
        using var admin = await host.App.AdminAsync(host.Node);
        await admin.SendAsync(new AssignRoles { UserName = member.UserName, Roles = ["Owner"] });
        var owner = await DenyListApp.SignInAsync(host.Node, member);
        await host.Node.AcceptsAsync(owner.AccessToken);

        await admin.SendAsync(new RevokeOwnership { UserName = member.UserName });

        await host.Node.RefusesAsync(owner.AccessToken);
        var after = await DenyListApp.SignInAsync(host.Node, member);
        using var client = new JsonApiClient(host.Node.BaseUrl) { BearerToken = after.AccessToken };
        Assert.DoesNotContain("Owner", (await client.SendAsync(new WhoAmI())).Roles);
        Assert.Equal(404, (await admin.ApiAsync(new RevokeOwnership { UserName = "nobody-" + Guid.NewGuid().ToString("N") })).StatusCode);
    }
}
