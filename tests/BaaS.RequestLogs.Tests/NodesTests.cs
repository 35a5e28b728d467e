using BaaS.Client;
using BaaS.RequestLogs.Tests.Fixtures;

namespace BaaS.RequestLogs.Tests;

/// <summary>
/// Several nodes on one database: they start together (the schema made once, under a lock on PostgreSQL), each writes
/// its own calls, and the aggregates they add to at the same time lose none: analytics count every row of every node.
/// </summary>
public abstract class NodesTests(TestDatabaseKind kind)
{
    [Fact]
    public async Task Three_nodes_starting_together_log_every_call_and_their_aggregates_add_up()
    {
        await using var database = await TestDatabase.CreateAsync(kind, "baas_reqlogs_nodes");
        var nodes = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => TestServer.StartAsync([typeof(LogsServices)], o =>
        {
            o.Database = database;
            o.UseTestAuthentication = true;
            o.ConfigureServices += services => services.AddRequestLogs(l => l.BatchInterval = TimeSpan.FromMilliseconds(20));
        })));
        try
        {
            var (header, id, _) = LogsFixture.NewUser();
            const int perNode = 40;
            await Task.WhenAll(nodes.Select(async (node, n) =>
            {
                using var http = node.CreateHttp(header);
                for (var i = 0; i < perNode; i++)
                    (await http.GetAsync($"/api/Echo?text=node{n}-{i}")).EnsureSuccessStatusCode();
            }));

            using var admin = nodes[0].CreateClient(LogsFixture.Admin);
            var deadline = DateTime.UtcNow.AddSeconds(30);
            QueryResponse<RequestLog> rows;
            while ((rows = await admin.SendAsync(new AdminQueryRequestLogs { UserId = id, Take = 1000, Include = "total" })).Total < 3 * perNode)
            {
                Assert.True(DateTime.UtcNow < deadline, $"{rows.Total} of {3 * perNode} calls logged");
                await Task.Delay(50);
            }
            Assert.Equal(3 * perNode, rows.Total);
            // Every node's calls, each once (a page holds AutoQuery's limit of 100: the next page has the rest).
            var rest = await admin.SendAsync(new AdminQueryRequestLogs { UserId = id, Skip = rows.Results.Count, Take = 1000 });
            Assert.Equal(3 * perNode, rows.Results.Concat(rest.Results).Select(r => r.Id).Distinct().Count());
            // Every node's aggregates, upserted at the same time into the same minute's rows, are all counted.
            var analytics = await admin.SendAsync(new AdminGetRequestAnalytics { UserId = id, From = DateTime.UtcNow.AddHours(-1) });
            Assert.Equal(3 * perNode, analytics.Totals.Requests);
            Assert.Equal(0, analytics.Totals.Errors);
        }
        finally
        {
            foreach (var node in nodes) await node.DisposeAsync();
        }
    }
}

public sealed class SqliteNodesTests() : NodesTests(TestDatabaseKind.SqliteFile);

public sealed class PostgresNodesTests() : NodesTests(TestDatabaseKind.PostgreSql);
