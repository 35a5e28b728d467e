namespace BaaS.Jobs.Tests;

/// <summary>Several nodes in this process on one PostgreSQL queue: each job once, workers serial, schedules once.</summary>
public sealed class MultiNodeTests
{
    [Fact]
    public async Task Two_nodes_share_one_queue_and_run_each_job_exactly_once()
    {
        await using var database = await TestDatabase.CreateAsync(TestDatabaseKind.PostgreSql, "jobs_tests");
        await using var enqueuer = await JobsNode.StartAsync(database, o => o.RunWorker = false);
        await using var a = await JobsNode.StartAsync(database, name: "node-a");
        await using var b = await JobsNode.StartAsync(database, name: "node-b");
        var key = Probe.NewKey();
        var ids = new List<long>();
        for (var i = 0; i < 400; i++) ids.Add((await enqueuer.Jobs.EnqueueCommandAsync<WorkCommand>(new WorkArg { Key = key, DelayMs = 2 })).Id);
        await Eventually.UntilAsync(async () => await enqueuer.ScalarAsync("SELECT COUNT(*) FROM baas_job WHERE state = @s", new { s = "Completed" }) == 400,
            "400 jobs completed", TimeSpan.FromSeconds(60));
        var runs = Probe.RunsOf(key);
        Assert.Equal(400, runs.Count);
        Assert.Equal(ids.Order(), runs.Select(r => r.JobId).Order());
        Assert.Contains(runs, r => r.Node == "node-a");
        Assert.Contains(runs, r => r.Node == "node-b");
    }

    [Fact]
    public async Task A_job_queued_by_another_process_wakes_an_idle_node_through_a_notification()
    {
        await using var database = await TestDatabase.CreateAsync(TestDatabaseKind.PostgreSql, "jobs_tests");
        // A poll far longer than the test: only a notification can start these jobs.
        await using var worker = await JobsNode.StartAsync(database, o => o.PollInterval = TimeSpan.FromHours(1), "listener");
        await using var enqueuer = await JobsNode.StartAsync(database, o => o.RunWorker = false);
        await Eventually.UntilAsync(async () => await enqueuer.ScalarAsync(
                "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN \"baas_jobs\"'") == 1,
            "the worker listens for new jobs");
        var key = Probe.NewKey();
        // One after another, each on an idle node: a grouped insert, then a job with a RefId (inserted on its own).
        var first = await enqueuer.Jobs.EnqueueCommandAsync<WorkCommand>(new WorkArg { Key = key });
        await enqueuer.WaitForAsync(first.Id, JobState.Completed);
        var second = await enqueuer.Jobs.EnqueueCommandAsync<WorkCommand>(new WorkArg { Key = key }, new JobOptions { RefId = "wake-" + key });
        await enqueuer.WaitForAsync(second.Id, JobState.Completed);
        Assert.Equal([first.Id, second.Id], Probe.RunsOf(key).Select(r => r.JobId));
        Assert.All(Probe.RunsOf(key), r => Assert.Equal("listener", r.Node));
    }

    [Fact]
    public async Task A_named_worker_runs_one_job_at_a_time_across_nodes()
    {
        await using var database = await TestDatabase.CreateAsync(TestDatabaseKind.PostgreSql, "jobs_tests");
        await using var enqueuer = await JobsNode.StartAsync(database, o => o.RunWorker = false);
        await using var a = await JobsNode.StartAsync(database, name: "node-a");
        await using var b = await JobsNode.StartAsync(database, name: "node-b");
        var key = Probe.NewKey();
        var ids = new List<long>();
        for (var i = 0; i < 12; i++)
            ids.Add((await enqueuer.Jobs.EnqueueCommandAsync<WorkCommand>(new WorkArg { Key = key, DelayMs = 30 }, new JobOptions { Worker = "printer" })).Id);
        foreach (var id in ids) await enqueuer.WaitForAsync(id, JobState.Completed);
        var runs = Probe.RunsOf(key);
        Assert.Equal(ids, runs.Select(r => r.JobId));
        for (var i = 1; i < runs.Count; i++) Assert.True(runs[i].Start >= runs[i - 1].End, $"run {i} overlapped the one before it");
    }

    [Fact]
    public async Task Nodes_registering_the_same_schedule_queue_each_run_once()
    {
        await using var database = await TestDatabase.CreateAsync(TestDatabaseKind.PostgreSql, "jobs_tests");
        var key = Probe.NewKey();
        void Register(JobsOptions o) => o.RecurringCommand<WorkCommand>("heartbeat", "@every 100ms", new WorkArg { Key = key });
        await using var a = await JobsNode.StartAsync(database, Register, "node-a");
        await using var b = await JobsNode.StartAsync(database, Register, "node-b");
        await using var c = await JobsNode.StartAsync(database, Register, "node-c");
        await Eventually.UntilAsync(() => Task.FromResult(Probe.RunsOf(key).Count >= 8), "eight runs");
        await a.StopAsync();
        await b.StopAsync();
        await c.StopAsync();
        var jobs = new List<JobInfo>();
        foreach (var run in Probe.RunsOf(key)) jobs.Add((await c.Jobs.GetJobAsync(run.JobId))!);
        Assert.Equal(jobs.Count, jobs.Select(j => j.Id).Distinct().Count());
        var occurrences = jobs.Select(j => j.RefId).Order().ToList();
        Assert.Equal(occurrences.Count, occurrences.Distinct().Count());
        Assert.Equal(1, await c.ScalarAsync("SELECT COUNT(*) FROM baas_job_schedule"));
        Assert.Equal(jobs.Count, await c.ScalarAsync("SELECT COUNT(*) FROM baas_job WHERE schedule_name = @n AND state = @s", new { n = "heartbeat", s = "Completed" }));
    }
}
