using BaaS.Data;

namespace BaaS.Jobs.Tests;

/// <summary>
/// A queue made before schema version 2 (no <c>trace_parent</c>, in the live table or in a month's archive) is brought
/// up to it by the next node that starts, and its jobs run.
/// </summary>
public abstract class SchemaUpgradeTests<TKind> where TKind : IDatabaseKind
{
    [Fact]
    public async Task A_version_1_queue_and_its_archives_get_the_trace_parent_column()
    {
        await using var database = await TestDatabase.CreateAsync(TKind.Kind, "jobs_tests");
        var factory = new DbConnectionFactory(database.JobsConnectionString, database.Dialect);
        await using (var first = await JobsNode.StartAsync(database))
        {
            var done = await first.Jobs.EnqueueCommandAsync<WorkCommand>(new WorkArg { Key = "before-" + Guid.NewGuid() });
            await first.WaitForAsync(done.Id, JobState.Completed);
        }

        // Take the queue back to what version 1 made: no column, no version 2, and an archive month made then.
        var monthStart = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var archive = JobSql.ArchiveTable(monthStart);
        await using (var db = await factory.OpenAsync())
        {
            await db.ExecuteSqlAsync("ALTER TABLE baas_job DROP COLUMN trace_parent");
            await db.ExecuteSqlAsync("DELETE FROM baas_job_schema WHERE version = 2");
            foreach (var statement in new JobSql(database.Dialect).CreateArchive(archive)) await db.ExecuteSqlAsync(statement);
            await db.ExecuteSqlAsync($"ALTER TABLE {database.Dialect.QuoteIdentifier(archive)} DROP COLUMN trace_parent");
            await db.ExecuteSqlAsync("INSERT INTO baas_job_archive_month (month, table_name, created_at) VALUES (@month, @archive, @now)",
                new { month = JobSql.MonthKey(monthStart), archive, now = DateTime.UtcNow });
            Assert.False(await db.ColumnExistsAsync("baas_job", "trace_parent"));
        }

        await using var upgraded = await JobsNode.StartAsync(database);
        var job = await upgraded.Jobs.EnqueueCommandAsync<WorkCommand>(new WorkArg { Key = "after-" + Guid.NewGuid() });
        await upgraded.WaitForAsync(job.Id, JobState.Completed);

        await using var check = await factory.OpenAsync();
        Assert.True(await check.ColumnExistsAsync("baas_job", "trace_parent"));
        Assert.True(await check.ColumnExistsAsync(archive, "trace_parent"));
        Assert.Equal(2, await check.SqlScalarAsync<int>("SELECT MAX(version) FROM baas_job_schema"));
    }
}

public sealed class SqliteSchemaUpgradeTests : SchemaUpgradeTests<OnSqlite>;

public sealed class PostgreSqlSchemaUpgradeTests : SchemaUpgradeTests<OnPostgreSql>;
