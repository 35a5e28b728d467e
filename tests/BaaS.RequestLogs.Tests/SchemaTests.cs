using BaaS.Data;
using BaaS.RequestLogs.Tests.Fixtures;

namespace BaaS.RequestLogs.Tests;

/// <summary>
/// A database whose log was made by an earlier version of the schema is brought up to date when a node starts: the
/// aggregates' indexes that version 2 added are created on a table that lacks them, and nothing else changes.
/// </summary>
public abstract class SchemaTests(TestDatabaseKind kind)
{
    private const string StatTable = "baas_request_stat";

    private Task<List<string>> IndexesAsync(DataConnection db) => kind == TestDatabaseKind.PostgreSql
        ? db.ColumnAsync<string>("SELECT indexname FROM pg_indexes WHERE tablename = @table ORDER BY indexname", new { table = StatTable })
        : db.ColumnAsync<string>("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = @table AND sql IS NOT NULL ORDER BY name", new { table = StatTable });

    private static async Task<TestServer> StartAsync(TestDatabase database)
    {
        var server = await TestServer.StartAsync([typeof(LogsServices)], o =>
        {
            o.Database = database;
            o.UseTestAuthentication = true;
            o.ConfigureServices += services => services.AddRequestLogs(l => l.BatchInterval = TimeSpan.FromMilliseconds(20));
        });
        // A call logged means the writer has made (or upgraded) the schema.
        var (header, id, _) = LogsFixture.NewUser();
        await server.CreateHttp(header).GetAsync("/api/Echo?text=schema");
        await using var db = await server.Db.OpenAsync();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await db.TableExistsAsync<RequestLog>() || await db.CountAsync<RequestLog>(r => r.UserId == id) == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the call was not logged");
            await Task.Delay(25);
        }
        return server;
    }

    [Fact]
    public async Task A_version_1_log_gets_the_aggregates_indexes_it_lacks_and_keeps_its_rows()
    {
        await using var database = await TestDatabase.CreateAsync(kind, "baas_reqlogs_schema");
        List<string> current;
        await using (var first = await StartAsync(database))
        {
            await using var db = await first.Db.OpenAsync();
            current = await IndexesAsync(db);
            Assert.True(current.Count >= 4, string.Join(", ", current)); // the unique key, (span, start) and version 2's two
            // Back to what version 1 made: its two indexes only, and the schema's record saying 1.
            foreach (var name in current)
            {
                if (await IsVersion1IndexAsync(db, name)) continue;
                await db.ExecuteSqlAsync($"DROP INDEX {db.Dialect.QuoteIdentifier(name)}");
            }
            await db.ExecuteSqlAsync("DELETE FROM baas_request_log_schema WHERE version > 1");
            Assert.Equal(current.Count - 2, (await IndexesAsync(db)).Count);
        }
        await using var second = await StartAsync(database);
        await using var after = await second.Db.OpenAsync();
        Assert.Equal(current, await IndexesAsync(after));
        Assert.Equal(2, await after.SqlScalarAsync<int>("SELECT MAX(version) FROM baas_request_log_schema"));
        Assert.Equal(2, await after.CountAsync<RequestLog>());
    }

    // Version 1's indexes: the unique key (span, dimension, start minute, value) and (span, start minute).
    private async Task<bool> IsVersion1IndexAsync(DataConnection db, string name)
    {
        var definition = kind == TestDatabaseKind.PostgreSql
            ? await db.SqlScalarAsync<string>("SELECT indexdef FROM pg_indexes WHERE indexname = @name", new { name })
            : await db.SqlScalarAsync<string>("SELECT sql FROM sqlite_master WHERE name = @name", new { name });
        Assert.NotNull(definition);
        var columns = definition[(definition.LastIndexOf('(') + 1)..].TrimEnd(')', ' ').Replace("\"", "", StringComparison.Ordinal);
        return definition.Contains("UNIQUE", StringComparison.OrdinalIgnoreCase) || columns == "span, start_minute";
    }
}

public sealed class SqliteSchemaTests() : SchemaTests(TestDatabaseKind.SqliteFile);

public sealed class PostgresSchemaTests() : SchemaTests(TestDatabaseKind.PostgreSql);
