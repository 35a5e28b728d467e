using System.Net;
using BaaS.Data;
using BaaS.RequestLogs.Tests.Fixtures;

namespace BaaS.RequestLogs.Tests;

/// <summary>
/// A flood of calls while the log's table is locked and the queue holds 5 rows: every call is answered, the queue never
/// holds more than its capacity, and only log rows are lost, each one counted.
/// </summary>
public abstract class FloodTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : FloodFixture
{
    private const int Calls = 400;

    [Fact]
    public async Task Every_call_is_answered_and_every_lost_row_is_counted()
    {
        using var admin = fixture.CreateClient(LogsFixture.Admin);
        var statuses = new List<HttpStatusCode>();
        var maxPending = 0L;
        await using (var db = await fixture.Server.Db.OpenAsync())
        {
            // The writer cannot write while the test holds the table (PostgreSQL) or the database's write lock (SQLite).
            await using var tx = await db.OpenTransactionAsync();
            if (fixture.IsPostgres) await db.ExecuteSqlAsync("LOCK TABLE baas_request_log IN EXCLUSIVE MODE");
            else await db.ExecuteSqlAsync("INSERT INTO log_dish (name, price) VALUES ('lock', 0)");

            using var http = fixture.Server.CreateHttp(LogsFixture.NewUser().Header);
            var next = 0;
            var done = 0;
            var workers = Enumerable.Range(0, 16).Select(async _ =>
            {
                while (Interlocked.Increment(ref next) <= Calls)
                {
                    using var response = await http.GetAsync("/api/Echo?text=flood");
                    lock (statuses) statuses.Add(response.StatusCode);
                    Interlocked.Increment(ref done);
                }
            });
            var sampler = Task.Run(async () =>
            {
                while (Volatile.Read(ref done) < Calls)
                {
                    maxPending = Math.Max(maxPending, (await admin.SendAsync(new AdminGetRequestLogStats())).Pending);
                    await Task.Delay(5);
                }
            });
            await Task.WhenAll(workers);
            await sampler;
            await tx.RollbackAsync();
        }

        Assert.Equal(Calls, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.InRange(maxPending, 0, FloodFixture.Capacity);
        // Each call is queued or dropped once its response completed; then the queue drains.
        AdminGetRequestLogStatsResponse stats;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((stats = await admin.SendAsync(new AdminGetRequestLogStats())) is not { Pending: 0 } || stats.Recorded + stats.Dropped < Calls ||
               stats.Written + stats.Failed < stats.Recorded)
        {
            Assert.True(DateTime.UtcNow < deadline, $"The log did not settle: {stats.Recorded} recorded, {stats.Written} written, {stats.Dropped} dropped.");
            await Task.Delay(50);
        }
        await using var read = await fixture.Server.Db.OpenAsync();
        var rows = await read.CountAsync<RequestLog>(r => r.Operation == nameof(Echo));
        Assert.Equal(Calls, stats.Recorded + stats.Dropped);
        Assert.Equal(0, stats.Failed);
        Assert.True(stats.Dropped > 0, "the queue of 5 should have overflowed while the table was locked");
        Assert.Equal(Calls - rows, stats.Dropped);
        Assert.Contains(fixture.Logs.Messages, e => e.EventId.Id == 5800); // "Request logs dropped N rows..."
    }
}

/// <summary>A queue of 5 rows written 2 at a time, retrying long enough to outlast the test's lock.</summary>
public abstract class FloodFixture(TestDatabaseKind database) : LogsFixture(database)
{
    public const int Capacity = 5;

    protected override void ConfigureLogs(RequestLogsOptions options)
    {
        options.Capacity = Capacity;
        options.BatchSize = 2;
        options.WriteRetries = 30;
        options.IncludeBodies = false;
    }
}

public sealed class SqliteFloodFixture() : FloodFixture(TestDatabaseKind.SqliteFile);

public sealed class PostgresFloodFixture() : FloodFixture(TestDatabaseKind.PostgreSql);

public class SqliteFloodTests(SqliteFloodFixture fixture) : FloodTests<SqliteFloodFixture>(fixture);

public class PostgresFloodTests(PostgresFloodFixture fixture) : FloodTests<PostgresFloodFixture>(fixture);
