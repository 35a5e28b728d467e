using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BaaS.Jobs.Tests;

/// <summary>The ASP.NET Core health check: the queue's counts, a stopped worker, an unreachable database.</summary>
public abstract class HealthTests<TKind> where TKind : IDatabaseKind
{
    private static async Task<HealthReportEntry> CheckAsync(JobsNode node) =>
        (await node.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync()).Entries["jobs"];

    [Fact]
    public async Task Healthy_with_the_queue_counts_degraded_once_stopped()
    {
        await using var database = await TestDatabase.CreateAsync(TKind.Kind, "jobs_tests");
        await using var node = await JobsNode.StartAsync(database);
        await node.Jobs.EnqueueCommandAsync<WorkCommand>(new WorkArg(), new JobOptions { RunAfter = DateTime.UtcNow.AddHours(1) });
        var healthy = await CheckAsync(node);
        Assert.Equal(HealthStatus.Healthy, healthy.Status);
        Assert.Equal(1L, healthy.Data["queued"]);
        Assert.Equal(node.Name, healthy.Data["node"]);
        await node.StopAsync();
        Assert.Equal(HealthStatus.Degraded, (await CheckAsync(node)).Status);
    }

    [Fact]
    public async Task Unhealthy_when_the_jobs_database_does_not_answer()
    {
        await using var database = await TestDatabase.CreateAsync(TKind.Kind, "jobs_tests");
        await using var node = await JobsNode.StartAsync(database);
        Assert.Equal(HealthStatus.Healthy, (await CheckAsync(node)).Status);
        await database.DisposeAsync(); // drops the database (PostgreSQL) or deletes the file and its folder (SQLite)
        if (!database.IsPostgreSql)
        {
            // Where the file was, SQLite would create an empty one: a folder in its place makes opening fail instead.
            // The node's loops keep opening the database meanwhile and may have made that empty file already: then
            // it goes again, until the folder wins.
            var file = database.JobsConnectionString["Data Source=".Length..];
            for (var attempt = 0; !Directory.Exists(file); attempt++)
            {
                try
                {
                    if (File.Exists(file)) File.Delete(file);
                    Directory.CreateDirectory(file);
                }
                catch (IOException) when (attempt < 100)
                {
                }
            }
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools(); // the node's loops may have pooled a handle to the deleted file
        }
        var unhealthy = await CheckAsync(node);
        Assert.Equal(HealthStatus.Unhealthy, unhealthy.Status);
        Assert.NotNull(unhealthy.Exception);
    }
}

public sealed class SqliteHealthTests : HealthTests<OnSqlite>;

public sealed class PostgreSqlHealthTests : HealthTests<OnPostgreSql>;
