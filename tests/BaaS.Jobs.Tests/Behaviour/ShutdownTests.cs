namespace BaaS.Jobs.Tests;

/// <summary>Graceful shutdown: running jobs get a grace period, then go back to the queue; none is lost.</summary>
public abstract class ShutdownTests<TKind> where TKind : IDatabaseKind
{
    [Fact]
    public async Task A_job_that_finishes_within_the_grace_period_completes_on_the_stopping_node()
    {
        await using var database = await TestDatabase.CreateAsync(TKind.Kind, "jobs_tests");
        var key = Probe.NewKey();
        await using var node = await JobsNode.StartAsync(database, o => o.ShutdownGracePeriod = TimeSpan.FromSeconds(5));
        var job = await node.Jobs.EnqueueCommandAsync<WorkCommand>(new WorkArg { Key = key, DelayMs = 400 });
        await node.WaitForAsync(job.Id, JobState.Started);
        await node.StopAsync();
        var run = Assert.Single(Probe.RunsOf(key));
        Assert.False(run.TokenFired);

        await using var check = await JobsNode.StartAsync(database, o => o.RunWorker = false);
        var done = (await check.Jobs.GetJobAsync(job.Id))!;
        Assert.Equal(JobState.Completed, done.State);
        Assert.Equal(node.Name, done.Node);
    }

    [Fact]
    public async Task A_job_still_running_after_the_grace_period_is_cancelled_released_and_finished_by_the_next_node()
    {
        await using var database = await TestDatabase.CreateAsync(TKind.Kind, "jobs_tests");
        var key = Probe.NewKey();
        var first = await JobsNode.StartAsync(database, o => o.ShutdownGracePeriod = TimeSpan.FromMilliseconds(300));
        var job = await first.Jobs.EnqueueCommandAsync<ProgressCommand>(new WorkArg { Key = key });
        await Eventually.UntilAsync(async () => (await first.Jobs.GetJobAsync(job.Id))!.Progress == 0.5, "the job runs");
        await first.DisposeAsync();

        await using var second = await JobsNode.StartAsync(database, o => o.RunWorker = false);
        var released = (await second.Jobs.GetJobAsync(job.Id))!;
        Assert.Equal(JobState.Queued, released.State);
        Assert.Equal(0, released.Attempts);
        var interrupted = Assert.Single(released.AttemptLog);
        Assert.Equal("Interrupted", interrupted.Outcome);
        Assert.Equal(first.Name, interrupted.Node);
        Assert.Contains("halfway there", released.Log);

        Probe.Open(key);
        await using var third = await JobsNode.StartAsync(database);
        var done = await third.WaitForAsync(job.Id, JobState.Completed);
        Assert.Equal(third.Name, done.Node);
        Assert.Equal(1, done.Attempts);
        Assert.Equal(["Interrupted", "Completed"], done.AttemptLog.Select(a => a.Outcome));
    }

    [Fact]
    public async Task A_command_that_ignores_its_token_is_still_released_and_recorded_once_by_the_node_that_reruns_it()
    {
        await using var database = await TestDatabase.CreateAsync(TKind.Kind, "jobs_tests");
        var key = Probe.NewKey();
        var first = await JobsNode.StartAsync(database, o => o.ShutdownGracePeriod = TimeSpan.FromMilliseconds(200));
        var job = await first.Jobs.EnqueueCommandAsync<WorkCommand>(new WorkArg { Key = key, WaitForGate = true, IgnoreToken = true });
        await first.WaitForAsync(job.Id, JobState.Started);
        await first.StopAsync();

        await using var second = await JobsNode.StartAsync(database);
        await second.WaitForAsync(job.Id, JobState.Started);
        Probe.Open(key); // both runs finish now: the stopped node's run and the new one
        var done = await second.WaitForAsync(job.Id, JobState.Completed);
        await Eventually.UntilAsync(() => Task.FromResult(Probe.RunsOf(key).Count == 2), "both runs ended");
        Assert.Equal(second.Name, done.Node);
        Assert.Equal(["Interrupted", "Completed"], done.AttemptLog.Select(a => a.Outcome));
        await first.DisposeAsync();
    }
}

public sealed class SqliteShutdownTests : ShutdownTests<OnSqlite>;

public sealed class PostgreSqlShutdownTests : ShutdownTests<OnPostgreSql>;
