using BaaS.Client;

namespace BaaS.Redis.Tests.DenyList;

/// <summary>
/// Two nodes of one app sharing one database and one Redis: a session ended or a user cut off on either node is refused
/// on the other at once, though the other had checked (and cached) the token's signature before.
/// </summary>
public sealed class RedisDenyListNodesTests
{
    [Fact]
    public async Task Signing_out_on_node_1_refuses_the_token_on_node_2_at_once()
    {
        var app = new DenyListApp(RedisTestService.Instance.ConnectionString);
        await using var node1 = await app.StartNodeAsync();
        await using var node2 = await app.StartNodeAsync(shareWith: node1);
        var member = await app.SignUpAsync(node1);
        var tablet = await DenyListApp.SignInAsync(node2, member);
        await node2.AcceptsAsync(member.First.AccessToken);
        await node1.AcceptsAsync(tablet.AccessToken);

        using (var client = new JsonApiClient(node1.BaseUrl) { BearerToken = member.First.AccessToken })
            await client.SendAsync(new Authenticate { Provider = "logout" });

        await node2.RefusesAsync(member.First.AccessToken);
        await node1.RefusesAsync(member.First.AccessToken);
        await node2.AcceptsAsync(tablet.AccessToken);

        // A cut-off on node 2 (an administrator signing the user out everywhere) holds on node 1.
        using var admin = await app.AdminAsync(node2);
        await admin.SendAsync(new AdminUpdateUser { Id = member.UserId, SignOutEverywhere = true });
        await node1.RefusesAsync(tablet.AccessToken);
    }

    [Fact]
    public async Task Two_revocations_of_one_user_at_once_on_two_nodes_both_hold()
    {
        var app = new DenyListApp(RedisTestService.Instance.ConnectionString);
        await using var node1 = await app.StartNodeAsync();
        await using var node2 = await app.StartNodeAsync(shareWith: node1);
        using var admin = await app.AdminAsync(node2);

        // Rounds, to give the two writes every chance to meet between a read and a write of the user's one entry.
        for (var round = 0; round < 8; round++)
        {
            var member = await app.SignUpAsync(node1);
            var onNode2 = await DenyListApp.SignInAsync(node2, member);
            var spare = await DenyListApp.SignInAsync(node2, member);
            var nodes = new[] { node1, node2 };
            foreach (var node in nodes)
            {
                await node.AcceptsAsync(member.First.AccessToken);
                await node.AcceptsAsync(onNode2.AccessToken);
            }

            await Task.WhenAll(
                Task.Run(() => SignOutAsync(node1, member.First.AccessToken)),
                Task.Run(() => SignOutAsync(node2, onNode2.AccessToken)));

            foreach (var node in nodes)
            {
                await node.RefusesAsync(member.First.AccessToken);
                await node.RefusesAsync(onNode2.AccessToken);
                await node.AcceptsAsync(spare.AccessToken);
            }

            // A user-wide cut-off on one node at the same time as a sign-out on the other: both hold too.
            var later = await DenyListApp.SignInAsync(node1, member);
            await node2.AcceptsAsync(later.AccessToken);
            await Task.WhenAll(
                Task.Run(() => SignOutAsync(node1, spare.AccessToken)),
                Task.Run(() => admin.SendAsync(new AdminUpdateUser { Id = member.UserId, SignOutEverywhere = true })));
            foreach (var node in nodes)
            {
                await node.RefusesAsync(spare.AccessToken);
                await node.RefusesAsync(later.AccessToken);
            }
        }
    }

    private static async Task SignOutAsync(TestServer node, string accessToken)
    {
        using var client = new JsonApiClient(node.BaseUrl) { BearerToken = accessToken };
        await client.SendAsync(new Authenticate { Provider = "logout" });
    }
}
