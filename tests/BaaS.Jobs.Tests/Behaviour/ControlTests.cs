namespace BaaS.Jobs.Tests;

/// <summary>Cancelling, requeueing, and reading a running job's log and progress.</summary>
public abstract class ControlTests<TKind>(NodeFixture<TKind> fixture) : IClassFixture<NodeFixture<TKind>> where TKind : IDatabaseKind
{
    private JobsNode Node => fixture.Node;

    [Fact]
    public async Task A_cancelled_queued_job_never_runs()
    {
        var key = Probe.NewKey();
        var job = await Node.Jobs.EnqueueCommandAsync<WorkCommand>(new WorkArg { Key = key }, new JobOptions { RunAfter = DateTime.UtcNow.AddHours(1) });
        var cancelled = await Node.Jobs.CancelJobAsync(job.Id);
        Assert.Equal(JobState.Cancelled, cancelled.State);
        Assert.Equal(JobErrors.Cancelled, cancelled.ErrorCode);
        Assert.Equal(0, cancelled.Attempts);
        Assert.Empty(Probe.RunsOf(key));
    }

    [Fact]
    public async Task Cancelling_a_running_job_fires_its_token_and_it_is_not_retried()
    {
        var key = Probe.NewKey();
        var job = await Node.Jobs.EnqueueCommandAsync<WorkCommand>(new WorkArg { Key = key, WaitForGate = true }, new JobOptions { RetryLimit = 3 });
        await Node.WaitForAsync(job.Id, JobState.Started);
        await Node.Jobs.CancelJobAsync(job.Id);
        var cancelled = await Node.WaitForAsync(job.Id, JobState.Cancelled);
        Assert.Equal(1, cancelled.Attempts);
        Assert.Equal("Cancelled", Assert.Single(cancelled.AttemptLog).Outcome);
        Assert.True(Assert.Single(Probe.RunsOf(key)).TokenFired);
    }

    [Fact]
    public async Task Cancelling_from_another_node_reaches_the_node_running_the_job()
    {
        var key = Probe.NewKey();
        var job = await Node.Jobs.EnqueueCommandAsync<WorkCommand>(new WorkArg { Key = key, WaitForGate = true });
        await Node.WaitForAsync(job.Id, JobState.Started);
        await using var other = await JobsNode.StartAsync(fixture.Database, o => o.RunWorker = false);
        var asked = await other.Jobs.CancelJobAsync(job.Id);
        Assert.Equal(JobState.Started, asked.State);
        Assert.True(asked.CancelRequested);
        var cancelled = await Node.WaitForAsync(job.Id, JobState.Cancelled);
        Assert.Equal(Node.Name, cancelled.Node);
        Assert.True(Assert.Single(Probe.RunsOf(key)).TokenFired);
    }

    [Fact]
    public async Task A_finished_or_unknown_job_cannot_be_cancelled()
    {
        var job = await Node.Jobs.EnqueueCommandAsync<WorkCommand>(new WorkArg { Key = Probe.NewKey() });
        await Node.WaitForAsync(job.Id, JobState.Completed);
        Assert.Equal(409, (await Assert.ThrowsAsync<HttpError>(() => Node.Jobs.CancelJobAsync(job.Id))).StatusCode);
        Assert.Equal(404, (await Assert.ThrowsAsync<HttpError>(() => Node.Jobs.CancelJobAsync(long.MaxValue))).StatusCode);
    }

    [Fact]
    public async Task A_requeued_failed_job_runs_again_with_a_fresh_retry_budget_and_so_do_its_dependents()
    {
        var key = Probe.NewKey();
        var job = await Node.Jobs.EnqueueCommandAsync<WorkCommand>(new WorkArg { Key = key, FailTimes = 1 }, new JobOptions { RetryLimit = 0 });
        var child = await Node.Jobs.EnqueueCommandAsync<WorkCommand>(new WorkArg { Key = key }, new JobOptions { DependsOn = job.Id });
        await Node.WaitForAsync(job.Id, JobState.Failed);
        await Node.WaitForAsync(child.Id, JobState.Failed);

        var requeued = await Node.Jobs.RequeueJobAsync(job.Id);
        Assert.Contains(requeued.State, new[] { JobState.Queued, JobState.Started, JobState.Completed });
        var done = await Node.WaitForAsync(job.Id, JobState.Completed);
        Assert.Equal(1, done.Attempts);
        Assert.Null(done.ErrorCode);
        Assert.Equal(["Failed", "Completed"], done.AttemptLog.Select(a => a.Outcome));
        await Node.WaitForAsync(child.Id, JobState.Completed);
        Assert.Equal([job.Id, job.Id, child.Id], Probe.RunsOf(key).Select(r => r.JobId));

        Assert.Equal(409, (await Assert.ThrowsAsync<HttpError>(() => Node.Jobs.RequeueJobAsync(job.Id))).StatusCode);
        Assert.Equal(404, (await Assert.ThrowsAsync<HttpError>(() => Node.Jobs.RequeueJobAsync(long.MaxValue))).StatusCode);
    }

    [Fact]
    public async Task Log_and_progress_can_be_read_while_the_job_runs()
    {
        var key = Probe.NewKey();
        var job = await Node.Jobs.EnqueueCommandAsync<ProgressCommand>(new WorkArg { Key = key });
        var running = await Eventually.ValueAsync(() => Node.Jobs.GetJobAsync(job.Id), j => j?.Progress == 0.5 && j.Log?.Contains("halfway there") == true,
            "the job's progress and log are visible");
        Assert.Equal(JobState.Started, running!.State);
        Assert.Equal("halfway", running.Status);
        Assert.Contains("loading the data", running.Log);

        Probe.Open(key);
        var done = await Node.WaitForAsync(job.Id, JobState.Completed);
        Assert.Equal(1, done.Progress);
        Assert.Equal("done", done.Status);
        var lines = done.Log!.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["loading the data", "halfway there", "done"], lines.Select(l => l[13..]));
    }

    [Fact]
    public void Progress_outside_zero_to_one_is_refused()
    {
        var context = new JobContext(TimeProvider.System);
        Assert.False(context.IsJob);
        Assert.Throws<InvalidOperationException>(() => context.JobId);
        context.Attach(new RunningJob(new JobRecord(), 100), new System.Security.Claims.ClaimsPrincipal(), default);
        Assert.Throws<ArgumentOutOfRangeException>(() => context.ReportProgress(1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => context.ReportProgress(double.NaN));
        context.ReportProgress(0.3, "ok");
    }
}

public sealed class SqliteControlTests(NodeFixture<OnSqlite> fixture) : ControlTests<OnSqlite>(fixture);

public sealed class PostgreSqlControlTests(NodeFixture<OnPostgreSql> fixture) : ControlTests<OnPostgreSql>(fixture);
