using System.Text.Json;

namespace BaaS.ServerEvents.Tests.Nodes;

/// <summary>Configuration alone chooses the bus.</summary>
public class BusSelectionTests
{
    private static async Task<string> BusOf(TestServer server) =>
        JsonDocument.Parse(await server.Http.GetStringAsync("/metadata/app.json")).RootElement
            .GetProperty("plugins").GetProperty("serverEvents").GetProperty("bus").GetString()!;

    [Fact]
    public async Task Auto_is_in_process_on_SQLite_and_the_database_on_PostgreSQL()
    {
        await using (var sqlite = await EventsApp.StartAsync(server: o => o.Dialect = TestDatabaseKind.SqliteFile))
            Assert.Equal("memory", await BusOf(sqlite));
        await using (var postgres = await EventsApp.StartAsync(server: o => o.Dialect = TestDatabaseKind.PostgreSql))
            Assert.Equal("database", await BusOf(postgres));
        await using (var forced = await EventsApp.StartAsync(server: o =>
                     {
                         o.Dialect = TestDatabaseKind.PostgreSql;
                         o.Configuration["BaaS:ServerEvents:Bus"] = "memory";
                     }))
            Assert.Equal("memory", await BusOf(forced));
    }

    [Fact]
    public async Task Auto_is_Redis_when_Redis_is_configured()
    {
        await using var server = await EventsApp.StartAsync(server: o =>
        {
            o.Dialect = TestDatabaseKind.PostgreSql;
            o.Configuration["ConnectionStrings:Redis"] = RedisTestService.Instance.ConnectionString;
            o.Configuration["BaaS:Cache:KeyPrefix"] = $"events-{Guid.NewGuid():N}:";
            o.ConfigureBuilder += b => b.Services.AddBaaSRedis(b.Configuration);
        });
        Assert.Equal("redis", await BusOf(server));
    }

    [Theory]
    [InlineData("redis", "ConnectionStrings:Redis")]
    [InlineData("database", "no notifications")]
    [InlineData("kafka", "auto, memory, database or redis")]
    public async Task A_bus_the_app_cannot_have_fails_startup_naming_what_is_missing(string bus, string message)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => EventsApp.StartAsync(server: o =>
        {
            o.Dialect = TestDatabaseKind.SqliteFile;
            o.Configuration["BaaS:ServerEvents:Bus"] = bus;
        }));
        Assert.Contains(message, error.ToString());
    }
}
