namespace BaaS.Jobs.Tests;

/// <summary>RunAfter, DependsOn, named workers, priority and tags.</summary>
public abstract class OptionTests<TKind>(NodeFixture<TKind> fixture) : IClassFixture<NodeFixture<TKind>> where TKind : IDatabaseKind
{
    private JobsNode Node => fixture.Node;

    [Fact]
    public async Task RunAfter_holds_the_job_until_then()
    {
        var key = Probe.NewKey();
        var runAfter = DateTime.UtcNow.AddMilliseconds(800);
        var job = await Node.Jobs.EnqueueCommandAsync<WorkCommand>(new WorkArg { Key = key }, new JobOptions { RunAfter = runAfter });
        var queued = (await Node.Jobs.GetJobAsync(job.Id))!;
        Assert.Equal(JobState.Queued, queued.State);
        Assert.Equal(runAfter, queued.RunAfter, TimeSpan.FromMilliseconds(1));
        await Node.WaitForAsync(job.Id, JobState.Completed);
        Assert.True(Assert.Single(Probe.RunsOf(key)).Start >= runAfter, "the job started before its RunAfter");
    }

    [Fact]
    public async Task Dependent_jobs_wait_for_their_parent_and_a_chain_runs_in_order()
    {
        var key = Probe.NewKey();
        var a = await Node.Jobs.EnqueueCommandAsync<WorkCommand>(new WorkArg { Key = key, WaitForGate = true });
        var b = await Node.Jobs.EnqueueCommandAsync<WorkCommand>(new WorkArg { Key = key }, new JobOptions { DependsOn = a.Id });
        var c = await Node.Jobs.EnqueueCommandAsync<WorkCommand>(new WorkArg { Key = key }, new JobOptions { DependsOn = b.Id });
        await Node.WaitForAsync(a.Id, JobState.Started);
        Assert.Equal(JobState.Queued, (await Node.Jobs.GetJobAsync(b.Id))!.State);
        Assert.Equal(JobState.Queued, (await Node.Jobs.GetJobAsync(c.Id))!.State);
        Assert.Equal(b.Id, (await Node.Jobs.GetJobAsync(c.Id))!.DependsOn);

        Probe.Open(key);
        await Node.WaitForAsync(c.Id, JobState.Completed);
        var runs = Probe.RunsOf(key);
        Assert.Equal([a.Id, b.Id, c.Id], runs.Select(r => r.JobId));
        Assert.True(runs[1].Start >= runs[0].End && runs[2].Start >= runs[1].End, "a dependent started before its parent ended");
    }

    [Fact]
    public async Task Dependent_of_a_completed_job_runs_at_once()
    {
        var key = Probe.NewKey();
        var parent = await Node.Jobs.EnqueueCommandAsync<WorkCommand>(new WorkArg { Key = key });
        await Node.WaitForAsync(parent.Id, JobState.Completed);
        var child = await Node.Jobs.EnqueueCommandAsync<WorkCommand>(new WorkArg { Key = key }, new JobOptions { DependsOn = parent.Id });
        await Node.WaitForAsync(child.Id, JobState.Completed);
    }

    [Fact]
    public async Task A_failed_parent_fails_the_jobs_that_depend_on_it_down_the_chain()
    {
        var key = Probe.NewKey();
        var a = await Node.Jobs.EnqueueCommandAsync<WorkCommand>(new WorkArg { Key = key, FailTimes = 99 }, new JobOptions { RetryLimit = 0 });
        var b = await Node.Jobs.EnqueueCommandAsync<WorkCommand>(new WorkArg { Key = key }, new JobOptions { DependsOn = a.Id });
        var c = await Node.Jobs.EnqueueCommandAsync<WorkCommand>(new WorkArg { Key = key }, new JobOptions { DependsOn = b.Id });
        await Node.WaitForAsync(a.Id, JobState.Failed);
        Assert.Equal(JobErrors.DependencyFailed, (await Node.WaitForAsync(b.Id, JobState.Failed)).ErrorCode);
        Assert.Equal(JobErrors.DependencyFailed, (await Node.WaitForAsync(c.Id, JobState.Failed)).ErrorCode);
        Assert.All(Probe.RunsOf(key), r => Assert.Equal(a.Id, r.JobId));

        // Queued after the parent failed: failed at once.
        var late = await Node.Jobs.EnqueueCommandAsync<WorkCommand>(new WorkArg { Key = key }, new JobOptions { DependsOn = a.Id });
        Assert.Equal(JobState.Failed, (await Node.Jobs.GetJobAsync(late.Id))!.State);
    }

    [Fact]
    public async Task A_cancelled_parent_cancels_its_dependents()
    {
        var key = Probe.NewKey();
        var a = await Node.Jobs.EnqueueCommandAsync<WorkCommand>(new WorkArg { Key = key }, new JobOptions { RunAfter = DateTime.UtcNow.AddHours(1) });
        var b = await Node.Jobs.EnqueueCommandAsync<WorkCommand>(new WorkArg { Key = key }, new JobOptions { DependsOn = a.Id });
        await Node.Jobs.CancelJobAsync(a.Id);
        Assert.Equal(JobErrors.DependencyCancelled, (await Node.WaitForAsync(b.Id, JobState.Cancelled)).ErrorCode);
        Assert.Empty(Probe.RunsOf(key));
    }

    [Fact]
    public async Task A_named_worker_runs_its_jobs_one_at_a_time_in_the_order_queued()
    {
        var key = Probe.NewKey();
        var ids = new List<long>();
        for (var i = 0; i < 6; i++)
            ids.Add((await Node.Jobs.EnqueueCommandAsync<WorkCommand>(new WorkArg { Key = key, DelayMs = 60 },
                new JobOptions { Worker = "mailer-" + key, Priority = i })).Id); // priority does not reorder a worker's line
        foreach (var id in ids) await Node.WaitForAsync(id, JobState.Completed);
        var runs = Probe.RunsOf(key);
        Assert.Equal(ids, runs.Select(r => r.JobId));
        for (var i = 1; i < runs.Count; i++) Assert.True(runs[i].Start >= runs[i - 1].End, $"run {i} overlapped the one before it");

        // Without a worker, the same jobs overlap: the worker is what serializes them.
        var free = Probe.NewKey();
        var freeIds = new List<long>();
        for (var i = 0; i < 4; i++) freeIds.Add((await Node.Jobs.EnqueueCommandAsync<WorkCommand>(new WorkArg { Key = free, DelayMs = 300 })).Id);
        foreach (var id in freeIds) await Node.WaitForAsync(id, JobState.Completed);
        var parallel = Probe.RunsOf(free);
        Assert.Contains(parallel, r => parallel.Any(o => o != r && o.Start < r.End && r.Start < o.End));
    }

    [Fact]
    public async Task Tag_is_stored_with_the_job()
    {
        var job = await Node.Jobs.EnqueueCommandAsync<WorkCommand>(new WorkArg { Key = Probe.NewKey() }, new JobOptions { Tag = "tenant-42" });
        Assert.Equal("tenant-42", (await Node.WaitForAsync(job.Id, JobState.Completed)).Tag);
    }

    [Fact]
    public async Task Higher_priority_runs_first_among_due_jobs()
    {
        await using var database = await TestDatabase.CreateAsync(TKind.Kind, "jobs_tests");
        await using var node = await JobsNode.StartAsync(database, o => o.Concurrency = 1);
        var key = Probe.NewKey();
        var blocker = await node.Jobs.EnqueueCommandAsync<WorkCommand>(new WorkArg { Key = key, WaitForGate = true });
        await node.WaitForAsync(blocker.Id, JobState.Started);
        var low = await node.Jobs.EnqueueCommandAsync<WorkCommand>(new WorkArg { Key = key }, new JobOptions { Priority = -5 });
        var normal = await node.Jobs.EnqueueCommandAsync<WorkCommand>(new WorkArg { Key = key });
        var high = await node.Jobs.EnqueueCommandAsync<WorkCommand>(new WorkArg { Key = key }, new JobOptions { Priority = 10 });
        Assert.Equal(10, (await node.Jobs.GetJobAsync(high.Id))!.Priority);
        Probe.Open(key);
        await node.WaitForAsync(low.Id, JobState.Completed);
        Assert.Equal([blocker.Id, high.Id, normal.Id, low.Id], Probe.RunsOf(key).Select(r => r.JobId));
    }
}

public sealed class SqliteOptionTests(NodeFixture<OnSqlite> fixture) : OptionTests<OnSqlite>(fixture);

public sealed class PostgreSqlOptionTests(NodeFixture<OnPostgreSql> fixture) : OptionTests<OnPostgreSql>(fixture);
