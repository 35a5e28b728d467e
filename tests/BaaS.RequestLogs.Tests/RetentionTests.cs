using System.Text.Json;
using BaaS.Data;
using BaaS.Jobs;
using BaaS.RequestLogs.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace BaaS.RequestLogs.Tests;

/// <summary>
/// Expired rows and aggregates are deleted in chunks: by every node's timer without BaaS.Jobs, by a recurring job with
/// it. Calls are recorded in the past by moving the app's clock back.
/// </summary>
public abstract class RetentionTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : LogsFixture
{
    protected TFixture Fixture { get; } = fixture;

    /// <summary>
    /// Calls as <paramref name="user"/> at <paramref name="ago"/> in the past, written before this returns (and before
    /// the clock comes back, so a retention timer cannot delete them first).
    /// </summary>
    protected async Task CallAsync(string user, string id, int calls, TimeSpan ago)
    {
        using (Fixture.Clock.Advance(-ago))
        {
            using var client = Fixture.CreateClient(user);
            for (var i = 0; i < calls; i++) await client.SendAsync(new Echo { Text = "then" });
            await Fixture.WaitForRowsAsync(r => r.UserId == id, calls);
        }
    }

    protected async Task<long> AggregatesAsync(string userId, int span)
    {
        await using var db = await Fixture.Server.Db.OpenAsync();
        return await db.SqlScalarAsync<long>("SELECT COUNT(*) FROM baas_request_stat WHERE dimension = 'user' AND dimension_value = @userId AND span = @span",
            new { userId, span });
    }

    protected static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Still waiting for {what} after 30 s.");
            await Task.Delay(50);
        }
    }

    /// <summary>Makes the retention run (the timer runs by itself; a job is run now).</summary>
    protected abstract Task RunRetentionAsync();

    [Fact]
    public async Task Rows_and_minute_aggregates_past_retention_are_deleted_while_hourly_aggregates_live_on()
    {
        var (longAgo, longAgoId, _) = LogsFixture.NewUser();
        var (threeDays, threeDaysId, _) = LogsFixture.NewUser();
        var (now, nowId, _) = LogsFixture.NewUser();
        await CallAsync(longAgo, longAgoId, 20, TimeSpan.FromDays(10));
        await CallAsync(threeDays, threeDaysId, 20, TimeSpan.FromDays(3));
        await CallAsync(now, nowId, 5, TimeSpan.Zero);
        Assert.Equal(1, await AggregatesAsync(threeDaysId, 60));

        await RunRetentionAsync();
        await WaitUntilAsync(async () => (await Fixture.RowsAsync(r => r.UserId == longAgoId || r.UserId == threeDaysId)).Count == 0, "the expired rows to go");

        Assert.Equal(5, (await Fixture.RowsAsync(r => r.UserId == nowId)).Count);
        await WaitUntilAsync(async () => await AggregatesAsync(longAgoId, 60) == 0 && await AggregatesAsync(threeDaysId, 1) == 0, "the expired aggregates to go");
        Assert.Equal(0, await AggregatesAsync(longAgoId, 1));
        Assert.Equal(1, await AggregatesAsync(threeDaysId, 60)); // hours are kept 5 days
        Assert.Equal(1, await AggregatesAsync(nowId, 1));

        // Analytics still answer for three days ago from the hourly aggregates.
        using var admin = Fixture.CreateClient(LogsFixture.Admin);
        var then = await admin.SendAsync(new AdminGetRequestAnalytics
        {
            UserId = threeDaysId, From = DateTime.UtcNow.AddDays(-4), To = DateTime.UtcNow.AddDays(-2), Bucket = RequestAnalyticsBucket.Hour,
        });
        Assert.Equal(20, then.Totals.Requests);
    }
}

/// <summary>Without BaaS.Jobs: a timer on the node, every 200 ms here.</summary>
public abstract class TimerRetentionFixture(TestDatabaseKind database) : LogsFixture(database)
{
    protected override void ConfigureLogs(RequestLogsOptions options)
    {
        options.RetentionDays = 1;
        options.AnalyticsRetentionDays = 5;
        options.RetentionSchedule = "@every 200ms";
        options.RetentionChunkSize = 7; // 20 rows take several statements
    }
}

public sealed class SqliteTimerRetentionFixture() : TimerRetentionFixture(TestDatabaseKind.SqliteFile);

public sealed class PostgresTimerRetentionFixture() : TimerRetentionFixture(TestDatabaseKind.PostgreSql);

public abstract class TimerRetentionTests<TFixture>(TFixture fixture) : RetentionTests<TFixture>(fixture) where TFixture : TimerRetentionFixture
{
    protected override Task RunRetentionAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_metadata_says_a_timer_deletes_them()
    {
        using var metadata = JsonDocument.Parse(await Fixture.Http.GetStringAsync("/metadata/app.json"));
        Assert.Equal("timer", metadata.RootElement.GetProperty("plugins").GetProperty("requestLogs").GetProperty("retentionRunBy").GetString());
    }
}

public class SqliteTimerRetentionTests(SqliteTimerRetentionFixture fixture) : TimerRetentionTests<SqliteTimerRetentionFixture>(fixture);

public class PostgresTimerRetentionTests(PostgresTimerRetentionFixture fixture) : TimerRetentionTests<PostgresTimerRetentionFixture>(fixture);

/// <summary>With BaaS.Jobs: the recurring job <c>baas-request-logs-retention</c> (hourly; run now by the test).</summary>
public abstract class JobsRetentionFixture(TestDatabaseKind database) : LogsFixture(database)
{
    private TestDatabase? _database;

    protected override void Configure(TestServerOptions options)
    {
        base.Configure(options);
        options.ConfigureConnections += (_, db) => _database = db;
    }

    protected override void ConfigureLogs(RequestLogsOptions options)
    {
        options.RetentionDays = 1;
        options.AnalyticsRetentionDays = 5;
        options.RetentionChunkSize = 7;
    }

    protected override void ConfigureServices(IServiceCollection services) => services.AddBaaSJobs(j =>
    {
        j.UseDatabase(_database!.SiblingConnectionString("jobs"), _database.Dialect);
        j.PollInterval = TimeSpan.FromMilliseconds(50);
        j.ScheduleInterval = TimeSpan.FromMilliseconds(50);
        j.MaintenanceInterval = TimeSpan.FromMilliseconds(100);
        j.ShutdownGracePeriod = TimeSpan.FromMilliseconds(500);
    });
}

public sealed class SqliteJobsRetentionFixture() : JobsRetentionFixture(TestDatabaseKind.SqliteFile);

public sealed class PostgresJobsRetentionFixture() : JobsRetentionFixture(TestDatabaseKind.PostgreSql);

public abstract class JobsRetentionTests<TFixture>(TFixture fixture) : RetentionTests<TFixture>(fixture) where TFixture : JobsRetentionFixture
{
    protected override async Task RunRetentionAsync()
    {
        using var admin = Fixture.CreateClient(LogsFixture.Admin);
        var run = await admin.SendAsync(new AdminRunJobSchedule { Name = "baas-request-logs-retention" });
        await WaitUntilAsync(async () => (await admin.SendAsync(new AdminGetJob { Id = run.JobId })).Job.State == JobState.Completed, "the retention job to complete");
    }

    [Fact]
    public async Task The_retention_is_a_recurring_job_and_the_metadata_says_so()
    {
        using var admin = Fixture.CreateClient(LogsFixture.Admin);
        var schedule = Assert.Single((await admin.SendAsync(new AdminQueryJobSchedules())).Results, s => s.Name == "baas-request-logs-retention");
        Assert.Equal("@every 1h", schedule.Schedule);
        using var metadata = JsonDocument.Parse(await Fixture.Http.GetStringAsync("/metadata/app.json"));
        var plugins = metadata.RootElement.GetProperty("plugins");
        Assert.Equal("jobs", plugins.GetProperty("requestLogs").GetProperty("retentionRunBy").GetString());
        Assert.Contains(plugins.GetProperty("jobs").GetProperty("schedules").EnumerateArray(), s => s.GetString() == "baas-request-logs-retention");
    }
}

public class SqliteJobsRetentionTests(SqliteJobsRetentionFixture fixture) : JobsRetentionTests<SqliteJobsRetentionFixture>(fixture);

public class PostgresJobsRetentionTests(PostgresJobsRetentionFixture fixture) : JobsRetentionTests<PostgresJobsRetentionFixture>(fixture);
