using System.Globalization;
using System.Net;
using BaaS;
using BaaS.Client;
using BaaS.Data;
using BaaS.Testing;
using MyApp.ServiceInterface;
using MyApp.ServiceModel;

namespace MyApp.Tests;

/// <summary>
/// Three MyApp nodes on one PostgreSQL database and one Redis, each a Kestrel of its own on its own port, started one
/// after the other as a deployment would (the first migrates and seeds, the others find it done). Whatever one node
/// learns about limits, cached answers and sessions (a sign-out), the others know.
/// </summary>
public abstract class ClusterFixture : IAsyncLifetime
{
    /// <summary>Whether the nodes share a Redis (cache, limits, events' bus) or PostgreSQL alone (events by LISTEN/NOTIFY).</summary>
    protected abstract bool UseRedis { get; }

    private readonly StringWriter _printed = new();

    public TestDatabase Database { get; private set; } = null!;
    public TestServer[] Nodes { get; private set; } = [];

    /// <summary>The prefix of this cluster's keys in the run's shared Redis.</summary>
    public string KeyPrefix { get; } = $"myapp-cluster-{Guid.NewGuid():N}:";

    // Nodes share the key that signs access tokens, as every deployment of more than one node must (docs/auth.md).
    private readonly string _jwtSecret = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(TestDatabaseKind.PostgreSql, "myapp_cluster");
        var nodes = new List<TestServer>();
        for (var i = 0; i < 3; i++)
            nodes.Add(await MyAppTestServer.StartAsync(Database, _printed, configure: o =>
            {
                if (UseRedis) o.Configuration["ConnectionStrings:Redis"] = RedisTestService.Instance.ConnectionString;
                o.Configuration["BaaS:Cache:KeyPrefix"] = KeyPrefix;
                o.Configuration["Auth:Jwt:Secret"] = _jwtSecret;
                o.Configuration.Remove("BaaS:RateLimits:Policies:PlaceOrder:PermitLimit"); // MyApp's own: 10 a minute
                o.Configuration["BaaS:RateLimits:Default:PermitLimit"] = "100000";
            }));
        Nodes = [.. nodes];
    }

    public async Task DisposeAsync()
    {
        foreach (var node in Nodes) await node.DisposeAsync();
        await Database.DisposeAsync();
    }

    /// <summary>A client of <paramref name="node"/> signed in as the demo user of <paramref name="role"/>, and its sign-in answer.</summary>
    public async Task<(JsonApiClient Client, AuthenticateResponse Auth)> SignInAsync(int node, string role)
    {
        var email = DemoSeeder.EmailOf(role);
        var client = new JsonApiClient(Nodes[node].BaseUrl);
        var auth = await client.SendAsync(new Authenticate { Provider = "credentials", UserName = email, Password = MyAppTestServer.PrintedPasswords(_printed.ToString())[email] });
        client.BearerToken = auth.BearerToken;
        return (client, auth);
    }

    /// <summary>A client of <paramref name="node"/> carrying <paramref name="bearerToken"/>.</summary>
    public JsonApiClient Client(int node, string? bearerToken = null) => new(Nodes[node].BaseUrl) { BearerToken = bearerToken };
}

/// <summary>Three nodes sharing one PostgreSQL and one Redis.</summary>
public sealed class RedisClusterFixture : ClusterFixture
{
    protected override bool UseRedis => true;
}

/// <summary>Three nodes sharing one PostgreSQL and nothing else: server events cross nodes by LISTEN/NOTIFY.</summary>
public sealed class PostgreSqlClusterFixture : ClusterFixture
{
    protected override bool UseRedis => false;
}

/// <summary>A status change made through node 1 reaches subscribers of the order on nodes 2 and 3.</summary>
internal static class ClusterEvents
{
    public static async Task A_status_change_through_node_1_reaches_subscribers_on_nodes_2_and_3(ClusterFixture cluster)
    {
        var (owner, _) = await cluster.SignInAsync(0, Roles.Owner);
        // The demo courier orders for itself here (anyone signed in may order): the demo customer's order budget is
        // the budget test's.
        var (customer, auth) = await cluster.SignInAsync(0, Roles.Courier);
        var (restaurantId, menu) = await Kitchen.OpenAsync(owner);
        var order = await customer.SendAsync(Kitchen.Order(restaurantId, (menu["Noodles"], 1)));

        var heard = new[] { 1, 2 }.Select(_ => new TaskCompletionSource<OrderStatusChanged>(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        await using var onNode2 = new ServerEventsClient(cluster.Client(1, auth.BearerToken), OrderEvents.OrderChannel(order.Id)).On<OrderStatusChanged>(e => heard[0].TrySetResult(e));
        await using var onNode3 = new ServerEventsClient(cluster.Client(2, auth.BearerToken), OrderEvents.OrderChannel(order.Id)).On<OrderStatusChanged>(e => heard[1].TrySetResult(e));
        await onNode2.StartAsync();
        await onNode3.StartAsync();

        await Kitchen.MoveAsync(owner, order.Id, OrderStatus.Accepted); // through node 1

        foreach (var changed in await Task.WhenAll(heard.Select(h => h.Task)).WaitAsync(TimeSpan.FromSeconds(20)))
            Assert.Equal((order.Id, OrderStatus.Accepted), (changed.OrderId, changed.Status));
    }
}

public sealed class PostgreSqlClusterTests(PostgreSqlClusterFixture cluster) : IClassFixture<PostgreSqlClusterFixture>
{
    [Fact]
    public Task A_status_change_through_node_1_reaches_subscribers_on_nodes_2_and_3_by_LISTEN_NOTIFY() =>
        ClusterEvents.A_status_change_through_node_1_reaches_subscribers_on_nodes_2_and_3(cluster);
}

public sealed class ClusterTests(RedisClusterFixture cluster) : IClassFixture<RedisClusterFixture>
{
    [Fact]
    public Task A_status_change_through_node_1_reaches_subscribers_on_nodes_2_and_3_through_Redis() =>
        ClusterEvents.A_status_change_through_node_1_reaches_subscribers_on_nodes_2_and_3(cluster);

    [Fact]
    public async Task A_customers_order_budget_holds_across_the_three_nodes_together()
    {
        var (owner, _) = await cluster.SignInAsync(0, Roles.Owner);
        var (_, auth) = await cluster.SignInAsync(1, Roles.Customer);
        var (restaurantId, menu) = await Kitchen.OpenAsync(owner);
        var customers = Enumerable.Range(0, 3).Select(n => cluster.Client(n, auth.BearerToken)).ToArray();

        // Ten orders, spread over the nodes: each node alone would allow ten.
        var remaining = new List<int>();
        for (var i = 0; i < 10; i++)
        {
            var placed = await customers[i % 3].ApiAsync(Kitchen.Order(restaurantId, (menu["Noodles"], 1)));
            Assert.Equal(200, placed.StatusCode);
        }
        for (var n = 0; n < 3; n++)
        {
            var refused = await customers[n].ApiAsync(Kitchen.Order(restaurantId, (menu["Noodles"], 1)));
            Assert.Equal(429, refused.StatusCode);
            Assert.Equal("PlaceOrder", refused.Error!.Meta!["policy"]);
        }
        await using (var db = await cluster.Database.CreateFactory().OpenAsync())
            Assert.Equal(10, await db.CountAsync<Order>(o => o.RestaurantId == restaurantId));

        // The default policy counts one budget too: each call on any node leaves one less.
        var http = cluster.Nodes.Select(n => n.CreateHttp()).ToArray();
        foreach (var h in http) h.DefaultRequestHeaders.Authorization = new("Bearer", auth.BearerToken);
        for (var i = 0; i < 6; i++)
        {
            using var answer = await http[i % 3].GetAsync("/api/QueryMyOrders?take=1");
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            remaining.Add(RemainingOf(answer));
        }
        Assert.Equal(Enumerable.Range(0, 6).Select(i => remaining[0] - i), remaining);
    }

    [Fact]
    public async Task A_cached_restaurant_list_changes_on_every_node_after_an_owner_edits_on_one()
    {
        var (owner, _) = await cluster.SignInAsync(2, Roles.Owner);
        var (id, _) = await Kitchen.OpenAsync(owner);
        var url = $"/api/QueryRestaurants?ids={id}";
        var http = cluster.Nodes.Select(n => n.CreateHttp()).ToArray();

        var first = await http[0].GetAsync(url);
        Assert.Equal(["MISS"], first.Headers.GetValues("X-Cache"));
        foreach (var h in http[1..])
        {
            var cached = await h.GetAsync(url); // one store: node 1's answer serves the others
            Assert.Equal(["HIT"], cached.Headers.GetValues("X-Cache"));
        }

        var renamed = "Renamed Kitchen " + Guid.NewGuid().ToString("N")[..6];
        await owner.SendAsync(new PatchRestaurant { Id = id, Name = renamed }); // on node 3

        foreach (var h in http)
            Assert.Contains(renamed, await h.GetStringAsync(url), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sign_out_on_node_1_makes_the_access_token_fail_on_node_3()
    {
        var (customer, auth) = await cluster.SignInAsync(0, Roles.Customer);
        var (_, other) = await cluster.SignInAsync(1, Roles.Customer);
        var onNode3 = cluster.Client(2, auth.BearerToken);
        Assert.Equal(200, (await onNode3.ApiAsync(new QueryMyOrders { Take = 1 })).StatusCode); // node 3 has checked the token

        await customer.SendAsync(new Authenticate { Provider = "logout" }); // on node 1

        var refused = await onNode3.ApiAsync(new QueryMyOrders { Take = 1 });
        Assert.Equal((401, "TokenRevoked"), (refused.StatusCode, refused.ErrorCode));
        Assert.Equal(401, (await cluster.Client(1, auth.BearerToken).ApiAsync(new QueryMyOrders { Take = 1 })).StatusCode);
        // The same user's other session, signed in on node 2, is not touched.
        Assert.Equal(200, (await cluster.Client(2, other.BearerToken).ApiAsync(new QueryMyOrders { Take = 1 })).StatusCode);
    }

    private static int RemainingOf(HttpResponseMessage answer) =>
        int.Parse(answer.Headers.GetValues("RateLimit-Remaining").Single(), CultureInfo.InvariantCulture);
}
