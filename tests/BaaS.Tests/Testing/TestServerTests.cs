using BaaS.DataAnnotations;
using BaaS.Data;
using BaaS.Tests.Fixtures;

namespace BaaS.Tests.Testing;

/// <summary>What the suites rely on from the harness itself (tests/BaaS.Testing).</summary>
public class TestServerTests
{
    [Fact]
    public async Task Test_server_listens_on_loopback_and_keeps_what_the_app_logged()
    {
        await using var server = await StandardServer.StartAsync();
        Assert.StartsWith("http://127.0.0.1:", server.BaseUrl);
        Assert.Equal("Development", server.EnvironmentName);
        using var response = await server.Http.GetAsync("/metadata/app.json");
        response.EnsureSuccessStatusCode();
        Assert.Contains(server.Logs.Messages, m => m.Category == "Microsoft.Hosting.Lifetime" && m.Message.Contains(server.BaseUrl, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Servers_started_on_one_database_share_its_rows()
    {
        await using var database = await TestDatabase.CreateAsync(TestDatabaseKind.SqliteFile);
        await using var first = await StandardServer.StartAsync(o => o.Database = database);
        await using var second = await StandardServer.StartAsync(o => o.Database = database);
        await using (var db = await first.Db.OpenAsync())
        {
            await db.CreateTableAsync<SharedNote>();
            await db.InsertAsync(new SharedNote { Text = "from the first node" });
        }
        await using var other = await second.Db.OpenAsync();
        Assert.Equal("from the first node", (await other.SelectAsync<SharedNote>()).Single().Text);
    }

    [Fact]
    public void A_test_service_that_is_not_running_fails_with_instructions()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new MissingService().ConnectionString);
        Assert.Equal(
            "Imaginary is required for this test: run ./test.sh, which starts it (or `source .ci/services.sh && imaginary_start`, " +
            "which exports BAAS_TEST_IMAGINARY_NEVER_SET).", error.Message);
    }

    public class SharedNote
    {
        [AutoIncrement] public int Id { get; set; }
        public string Text { get; set; } = "";
    }

    private sealed class MissingService : TestService
    {
        public override string Name => "Imaginary";
        public override string EnvironmentVariable => "BAAS_TEST_IMAGINARY_NEVER_SET";
        public override string StartFunction => "imaginary_start";
    }
}
