using BaaS.Data;
using BaaS.RequestLogs.Tests.Fixtures;

namespace BaaS.RequestLogs.Tests;

/// <summary>With <see cref="RequestLogsOptions.ConnectionName"/> the log lives in that connection's database, not the app's.</summary>
public class ConnectionTests
{
    [Fact]
    public async Task The_log_is_written_to_the_named_connection_and_queried_from_it()
    {
        await using var server = await TestServer.StartAsync([typeof(LogsServices)], o =>
        {
            o.Dialect = TestDatabaseKind.SqliteFile;
            o.UseTestAuthentication = true;
            o.ConfigureConnections += (factory, db) => factory.RegisterConnection("logs", db.SiblingConnectionString("logs"), db.Dialect);
            o.ConfigureServices += services => services.AddRequestLogs(l =>
            {
                l.ConnectionName = "logs";
                l.BatchInterval = TimeSpan.FromMilliseconds(20);
            });
        });
        await server.CreateClient("ann").SendAsync(new Echo { Text = "elsewhere" });

        using var admin = server.CreateClient(LogsFixture.Admin);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        QueryResponse<RequestLog> found;
        while ((found = await admin.SendAsync(new AdminQueryRequestLogs { UserId = "ann" })).Results.Count == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the call was not logged");
            await Task.Delay(25);
        }
        Assert.Equal(nameof(Echo), found.Results[0].Operation);
        await using (var logs = await server.Db.OpenAsync("logs")) Assert.Equal(1, await logs.CountAsync<RequestLog>(r => r.UserId == "ann"));
        await using var app = await server.Db.OpenAsync();
        Assert.False(await app.TableExistsAsync<RequestLog>());
    }
}
