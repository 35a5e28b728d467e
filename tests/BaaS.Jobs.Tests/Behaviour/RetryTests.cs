namespace BaaS.Jobs.Tests;

/// <summary>Retries with exponential backoff and jitter, client errors, and timeouts.</summary>
public abstract class RetryTests<TKind>(NodeFixture<TKind> fixture) : IClassFixture<NodeFixture<TKind>> where TKind : IDatabaseKind
{
    private JobsNode Node => fixture.Node;

    [Fact]
    public async Task A_failing_job_is_retried_with_growing_delays_until_its_limit_then_fails()
    {
        var key = Probe.NewKey();
        var job = await Node.Jobs.EnqueueCommandAsync<WorkCommand>(new WorkArg { Key = key, FailTimes = 99 }, new JobOptions { RetryLimit = 3 });
        var failed = await Node.WaitForAsync(job.Id, JobState.Failed);
        Assert.Equal(4, failed.Attempts);
        Assert.Equal(nameof(InvalidOperationException), failed.ErrorCode);
        Assert.Equal("run 4 fails", failed.ErrorMessage);
        Assert.Contains("InvalidOperationException", failed.ErrorStack);
        Assert.Contains(nameof(WorkCommand), failed.ErrorStack);
        Assert.Equal([1, 2, 3, 4], failed.AttemptLog.Select(a => a.Attempt));
        Assert.All(failed.AttemptLog, a => Assert.Equal("Failed", a.Outcome));

        // The test nodes' base delay is 100 ms: retry n waits between half and all of 100 ms * 2^(n-1).
        var runs = Probe.RunsOf(key);
        Assert.Equal(4, runs.Count);
        for (var n = 1; n <= 3; n++)
        {
            var gap = runs[n].Start - runs[n - 1].End;
            var full = 100 * Math.Pow(2, n - 1);
            Assert.True(gap.TotalMilliseconds >= full / 2 - 5, $"retry {n} came after {gap.TotalMilliseconds} ms, before its backoff of at least {full / 2} ms");
            Assert.True(gap.TotalMilliseconds <= full + 1500, $"retry {n} came after {gap.TotalMilliseconds} ms, far beyond its backoff of at most {full} ms");
        }
    }

    [Fact]
    public void Backoff_doubles_per_retry_with_jitter_between_half_and_all_of_it_and_is_capped()
    {
        var runner = Node.Services.GetService(typeof(JobRunner)) as JobRunner;
        Assert.NotNull(runner);
        for (var attempt = 1; attempt <= 6; attempt++)
        {
            var full = Math.Min(100 * Math.Pow(2, attempt - 1), TimeSpan.FromHours(1).TotalMilliseconds);
            var delays = Enumerable.Range(0, 200).Select(_ => runner.Backoff(attempt).TotalMilliseconds).ToList();
            Assert.All(delays, d => Assert.InRange(d, full / 2, full));
            Assert.True(delays.Distinct().Count() > 50, "the delays have no jitter");
        }
        Assert.Equal(TimeSpan.FromHours(1).TotalMilliseconds, runner.Backoff(60).TotalMilliseconds, 0.5 * TimeSpan.FromHours(1).TotalMilliseconds);
    }

    [Fact]
    public async Task Default_retry_limit_is_two()
    {
        var key = Probe.NewKey();
        var job = await Node.Jobs.EnqueueCommandAsync<WorkCommand>(new WorkArg { Key = key, FailTimes = 99 });
        var failed = await Node.WaitForAsync(job.Id, JobState.Failed);
        Assert.Equal(2, failed.RetryLimit);
        Assert.Equal(3, failed.Attempts);
        Assert.Equal(3, Probe.RunsOf(key).Count);
    }

    [Fact]
    public async Task A_job_that_fails_once_completes_on_its_retry()
    {
        var key = Probe.NewKey();
        var job = await Node.Jobs.EnqueueCommandAsync<WorkCommand>(new WorkArg { Key = key, FailTimes = 1 });
        var done = await Node.WaitForAsync(job.Id, JobState.Completed);
        Assert.Equal(2, done.Attempts);
        Assert.Equal(["Failed", "Completed"], done.AttemptLog.Select(a => a.Outcome));
    }

    [Fact]
    public async Task A_client_error_is_not_retried()
    {
        var key = Probe.NewKey();
        var job = await Node.Jobs.EnqueueCommandAsync<WorkCommand>(new WorkArg { Key = key, FailTimes = 99, FailStatus = 422 }, new JobOptions { RetryLimit = 5 });
        var failed = await Node.WaitForAsync(job.Id, JobState.Failed);
        Assert.Equal(1, failed.Attempts);
        Assert.Equal("TestFailure", failed.ErrorCode);

        // 503 is the server's trouble: retried.
        var flaky = await Node.Jobs.EnqueueCommandAsync<WorkCommand>(new WorkArg { Key = Probe.NewKey(), FailTimes = 1, FailStatus = 503 });
        Assert.Equal(2, (await Node.WaitForAsync(flaky.Id, JobState.Completed)).Attempts);
    }

    [Fact]
    public async Task Timeout_fires_the_commands_token_and_fails_the_attempt()
    {
        var key = Probe.NewKey();
        var job = await Node.Jobs.EnqueueCommandAsync<WorkCommand>(new WorkArg { Key = key, WaitForGate = true },
            new JobOptions { Timeout = TimeSpan.FromMilliseconds(200), RetryLimit = 1 });
        var failed = await Node.WaitForAsync(job.Id, JobState.Failed);
        Assert.Equal(JobErrors.Timeout, failed.ErrorCode);
        Assert.Equal(2, failed.Attempts);
        Assert.Equal(["Timeout", "Timeout"], failed.AttemptLog.Select(a => a.Outcome));
        Assert.Equal(200, failed.TimeoutMs);
        var runs = Probe.RunsOf(key);
        Assert.Equal(2, runs.Count);
        // Each attempt was cut by its own token, while it waited (the gate is never opened). How long that took is not
        // asserted: the timeout is counted from the attempt's claim, before the command records its start, so a
        // duration check failed on a busy machine (137 ms measured against a 150 ms floor).
        Assert.All(runs, r => Assert.True(r.TokenFired));
    }

    [Fact]
    public async Task Default_timeout_is_ten_minutes()
    {
        var job = await Node.Jobs.EnqueueCommandAsync<WorkCommand>(new WorkArg { Key = Probe.NewKey() });
        Assert.Equal(TimeSpan.FromMinutes(10).TotalMilliseconds, (await Node.WaitForAsync(job.Id, JobState.Completed)).TimeoutMs);
    }
}

public sealed class SqliteRetryTests(NodeFixture<OnSqlite> fixture) : RetryTests<OnSqlite>(fixture);

public sealed class PostgreSqlRetryTests(NodeFixture<OnPostgreSql> fixture) : RetryTests<OnPostgreSql>(fixture);
