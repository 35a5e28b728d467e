using System.Text.Json;
using BaaS.Data;
using BaaS.DataAnnotations;
using BaaS.Jobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace BaaS.RequestLogs.Tests.Docs;

[Alias("draft")]
public class Draft
{
    [AutoIncrement] public int Id { get; set; }
    public DateTime CreatedAt { get; set; }
}

#region snippet:extending-maintenance-task
/// <summary>Deletes drafts older than 30 days, every night at 03:00 UTC.</summary>
public sealed class PurgeOldDrafts(IDbConnectionFactory dbFactory, TimeProvider clock) : IMaintenanceTask
{
    public string Name => "purge-old-drafts";                    // the recurring job's name under BaaS.Jobs
    public Schedule Schedule => Schedule.Parse("0 3 * * *");

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.OpenAsync(cancellationToken);
        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-30);
        await db.DeleteAsync<Draft>(d => d.CreatedAt < cutoff, cancellationToken);
    }
}
#endregion

/// <summary>The maintenance-task example of docs/extending.md: the task runs, and BaaS.Jobs schedules it when present.</summary>
public class MaintenanceDocTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_documented_task_deletes_old_drafts_and_is_a_recurring_job_with_jobs(bool withJobs)
    {
        TestDatabase? database = null;
        await using var server = await TestServer.StartAsync(o =>
        {
            o.Dialect = TestDatabaseKind.SqliteFile;
            o.PrepareDatabase = async factory =>
            {
                await using var db = await factory.OpenAsync();
                await db.CreateTableAsync<Draft>();
                await db.InsertAllAsync([new Draft { CreatedAt = DateTime.UtcNow.AddDays(-40) }, new Draft { CreatedAt = DateTime.UtcNow.AddDays(-1) }]);
            };
            o.ConfigureConnections += (_, db) => database = db;
            o.ConfigureServices += services =>
            {
                #region snippet:extending-maintenance-register
                services.AddMaintenanceTask<PurgeOldDrafts>();
                #endregion
                if (withJobs) services.AddBaaSJobs(j => j.UseDatabase(database!.SiblingConnectionString("jobs"), database.Dialect));
            };
        });

        await Assert.Single(server.Services.GetServices<IMaintenanceTask>()).RunAsync(CancellationToken.None);
        await using (var db = await server.Db.OpenAsync()) Assert.Equal(1, await db.CountAsync<Draft>(d => d.Id > 0));

        using var metadata = JsonDocument.Parse(await server.Http.GetStringAsync("/metadata/app.json"));
        var plugins = metadata.RootElement.GetProperty("plugins");
        Assert.Equal(withJobs, plugins.TryGetProperty("jobs", out var jobs) &&
            jobs.GetProperty("schedules").EnumerateArray().Any(s => s.GetString() == "purge-old-drafts"));
        Assert.Equal(withJobs ? "jobs" : "timer", server.Services.MaintenanceRunner());
    }
}
