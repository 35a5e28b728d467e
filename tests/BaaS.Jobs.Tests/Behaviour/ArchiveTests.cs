namespace BaaS.Jobs.Tests;

/// <summary>Finished jobs move to the archive table of their month and stay readable, idempotent and requeueable.</summary>
public abstract class ArchiveTests<TKind> where TKind : IDatabaseKind
{
    [Fact]
    public async Task Finished_jobs_move_to_their_months_archive_and_stay_readable()
    {
        await using var database = await TestDatabase.CreateAsync(TKind.Kind, "jobs_tests");
        await using var node = await JobsNode.StartAsync(database, o => o.ArchiveAfter = TimeSpan.FromMilliseconds(200));
        var key = Probe.NewKey();
        var done = await node.Jobs.EnqueueCommandAsync<WorkCommand>(new WorkArg { Key = key }, new JobOptions { RefId = "archived-" + key, Tag = "a" });
        var cancelled = await node.Jobs.EnqueueCommandAsync<WorkCommand>(new WorkArg { Key = key }, new JobOptions { RunAfter = DateTime.UtcNow.AddHours(1) });
        var waiting = await node.Jobs.EnqueueCommandAsync<WorkCommand>(new WorkArg { Key = key }, new JobOptions { RunAfter = DateTime.UtcNow.AddHours(1) });
        await node.Jobs.CancelJobAsync(cancelled.Id);
        var completedAt = (await node.WaitForAsync(done.Id, JobState.Completed)).CompletedAt!.Value;

        var table = $"baas_job_archive_{completedAt:yyyyMM}";
        await Eventually.UntilAsync(async () => await node.ScalarAsync("SELECT COUNT(*) FROM baas_job WHERE id IN (@a, @b)", new { a = done.Id, b = cancelled.Id }) == 0,
            "both finished jobs left the live queue");
        Assert.Equal(2, await node.ScalarAsync($"SELECT COUNT(*) FROM {table} WHERE id IN (@a, @b)", new { a = done.Id, b = cancelled.Id }));
        Assert.Equal(1, await node.ScalarAsync("SELECT COUNT(*) FROM baas_job WHERE id = @id", new { id = waiting.Id }));

        var archived = (await node.Jobs.GetJobAsync(done.Id))!;
        Assert.Equal(JobState.Completed, archived.State);
        Assert.Equal($"{completedAt:yyyy-MM}", archived.ArchiveMonth);
        Assert.Equal("a", archived.Tag);
        Assert.Equal(done.Id, (await node.Jobs.GetJobByRefIdAsync("archived-" + key))!.Id);
        Assert.Equal(JobState.Cancelled, (await node.Jobs.GetJobAsync(cancelled.Id))!.State);

        // The RefId still answers the first job, and a dependent of the archived job runs at once.
        Assert.Equal(done, await node.Jobs.EnqueueCommandAsync<WorkCommand>(new WorkArg { Key = key }, new JobOptions { RefId = "archived-" + key }));
        var child = await node.Jobs.EnqueueCommandAsync<WorkCommand>(new WorkArg { Key = key }, new JobOptions { DependsOn = done.Id });
        await node.WaitForAsync(child.Id, JobState.Completed);
        Assert.Equal(2, Probe.RunsOf(key).Count);
    }

    [Fact]
    public async Task A_failed_job_in_the_archive_comes_back_when_requeued()
    {
        await using var database = await TestDatabase.CreateAsync(TKind.Kind, "jobs_tests");
        await using var node = await JobsNode.StartAsync(database, o => o.ArchiveFailedAfter = TimeSpan.FromMilliseconds(100));
        var key = Probe.NewKey();
        var job = await node.Jobs.EnqueueCommandAsync<WorkCommand>(new WorkArg { Key = key, FailTimes = 1 }, new JobOptions { RetryLimit = 0 });
        await node.WaitForAsync(job.Id, JobState.Failed);
        await Eventually.UntilAsync(async () => (await node.Jobs.GetJobAsync(job.Id))!.ArchiveMonth is not null, "the failed job was archived");

        await node.Jobs.RequeueJobAsync(job.Id);
        Assert.Null((await node.Jobs.GetJobAsync(job.Id))!.ArchiveMonth);
        var done = await node.WaitForAsync(job.Id, JobState.Completed);
        Assert.Equal(2, Probe.RunsOf(key).Count);
        Assert.Equal(["Failed", "Completed"], done.AttemptLog.Select(a => a.Outcome));
    }
}

public sealed class SqliteArchiveTests : ArchiveTests<OnSqlite>;

public sealed class PostgreSqlArchiveTests : ArchiveTests<OnPostgreSql>;
