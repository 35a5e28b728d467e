using System.Diagnostics;
using BaaS.Data;

namespace BaaS.Jobs.Tests;

/// <summary>
/// Worker nodes in processes of their own: killed with SIGKILL in the middle of jobs (every job still completes, and
/// is recorded complete once), two processes sharing one PostgreSQL queue, and a dead node's lease taken over.
/// </summary>
public abstract class ProcessTests<TKind> where TKind : IDatabaseKind
{
    protected const int LeaseMs = 1500;

    protected static async Task PrepareAsync(JobsNode node)
    {
        await using var db = await node.OpenJobsDbAsync();
        await db.CreateTableIfNotExistsAsync<TestExecution>();
        await db.CreateTableIfNotExistsAsync<TestCallback>();
    }

    [Fact]
    public async Task A_worker_killed_in_the_middle_of_jobs_loses_none_and_each_is_recorded_complete_once()
    {
        await using var database = await TestDatabase.CreateAsync(TKind.Kind, "jobs_tests");
        await using var enqueuer = await JobsNode.StartAsync(database, o => o.RunWorker = false);
        await PrepareAsync(enqueuer);
        const int count = 200;
        var ids = new List<long>();
        var held = new List<long>();
        for (var i = 0; i < count; i++)
        {
            // A few jobs hold their first attempt for a minute, so the kill surely finds one that has started (its
            // execution recorded) and not finished, whatever the machine's load; the rest take 40 ms.
            var holds = i < 40 && i % 10 == 5; // among the first claimed, so the doomed worker holds them
            var id = (await enqueuer.Jobs.EnqueueCommandAsync<CountCommand>(new CountArg { DelayMs = 40, FirstAttemptDelayMs = holds ? 60_000 : 0 },
                new JobOptions { Callback = nameof(CountCallbackCommand) })).Id;
            ids.Add(id);
            if (holds) held.Add(id);
        }

        var doomed = await WorkerProcess.StartAsync(database, "doomed", concurrency: 8, LeaseMs);
        try
        {
            await Eventually.UntilAsync(async () => await enqueuer.ScalarAsync("SELECT COUNT(*) FROM test_execution") >= 40, "the worker is busy");
            await Eventually.UntilAsync(async () => await enqueuer.ScalarAsync($"SELECT COUNT(*) FROM test_execution WHERE job_id IN ({string.Join(",", held)})") > 0,
                "a long job has started");
        }
        finally
        {
            doomed.Kill(); // SIGKILL: no shutdown, no release
            await doomed.WaitForExitAsync();
        }
        var inFlight = await enqueuer.ScalarAsync("SELECT COUNT(*) FROM baas_job WHERE state = @s AND lease_owner = @n", new { s = "Started", n = "doomed" });
        Assert.True(inFlight > 0, "the kill came while no job was running");

        var survivor = await WorkerProcess.StartAsync(database, "survivor", concurrency: 8, LeaseMs);
        try
        {
            await Eventually.UntilAsync(async () => await enqueuer.ScalarAsync("SELECT COUNT(*) FROM baas_job WHERE command = @c AND state = @s",
                    new { c = nameof(CountCallbackCommand), s = "Completed" }) >= count,
                "every job completed and its callback ran", TimeSpan.FromSeconds(90));
        }
        finally
        {
            await WorkerProcess.StopAsync(survivor);
        }

        await using var db = await enqueuer.OpenJobsDbAsync();
        var states = await db.DictionaryAsync<long, string>("SELECT id, state FROM baas_job WHERE command = @c", new { c = nameof(CountCommand) });
        Assert.Equal(count, states.Count);
        Assert.All(states.Values, s => Assert.Equal("Completed", s));
        var executions = await db.DictionaryAsync<long, long>("SELECT job_id, COUNT(*) FROM test_execution GROUP BY job_id");
        Assert.Equal(ids.Order(), executions.Keys.Order());          // at least once each
        Assert.True(executions.Values.Sum() > count, "no job ran again after the kill");
        // A completion queues the job's callback in the same transaction: one callback job per job means one completion record.
        var completions = await db.DictionaryAsync<long, long>("SELECT parent_id, COUNT(*) FROM baas_job WHERE command = @c GROUP BY parent_id",
            new { c = nameof(CountCallbackCommand) });
        Assert.Equal(ids.Order(), completions.Keys.Order());
        Assert.All(completions.Values, c => Assert.Equal(1, c));
        // The callbacks ran at least once each (one may have been in flight at the kill too).
        var callbackRuns = await db.DictionaryAsync<long, long>("SELECT parent_job_id, COUNT(*) FROM test_callback GROUP BY parent_job_id");
        Assert.Equal(ids.Order(), callbackRuns.Keys.Order());

        // The jobs the dead node held were taken over once its lease expired.
        var rerun = await db.SqlScalarAsync<long>(
            "SELECT job_id FROM test_execution GROUP BY job_id HAVING COUNT(*) > 1 AND MIN(attempt) = 1 AND SUM(CASE WHEN node = @n THEN 1 ELSE 0 END) = 1",
            new { n = "doomed" });
        var job = (await enqueuer.Jobs.GetJobAsync(rerun))!;
        Assert.Contains(job.AttemptLog, a => a.Outcome == "LeaseExpired" && a.Node == "doomed");
        Assert.Equal("survivor", job.Node);
    }
}

public sealed class SqliteProcessTests : ProcessTests<OnSqlite>;

public sealed class PostgreSqlProcessTests : ProcessTests<OnPostgreSql>
{
    [Fact]
    public async Task Two_worker_processes_on_one_queue_complete_5000_jobs_each_exactly_once()
    {
        await using var database = await TestDatabase.CreateAsync(TestDatabaseKind.PostgreSql, "jobs_tests");
        await using var enqueuer = await JobsNode.StartAsync(database, o => o.RunWorker = false);
        await using (var db = await enqueuer.OpenJobsDbAsync()) await db.CreateTableIfNotExistsAsync<TestExecution>();
        var one = await WorkerProcess.StartAsync(database, "one", concurrency: 16, 5000);
        var two = await WorkerProcess.StartAsync(database, "two", concurrency: 16, 5000);
        try
        {
            const int count = 5000;
            await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (_, ct) =>
                await enqueuer.Jobs.EnqueueCommandAsync<CountCommand>(new CountArg(), cancellationToken: ct));
            var clock = Stopwatch.StartNew();
            await Eventually.UntilAsync(async () => await enqueuer.ScalarAsync("SELECT COUNT(*) FROM baas_job WHERE state = @s", new { s = "Completed" }) == count,
                "5000 jobs completed", TimeSpan.FromSeconds(90));
            await using var check = await enqueuer.OpenJobsDbAsync();
            Assert.Equal(count, await check.SqlScalarAsync<long>("SELECT COUNT(*) FROM baas_job"));
            var executions = await check.DictionaryAsync<long, long>("SELECT job_id, COUNT(*) FROM test_execution GROUP BY job_id");
            Assert.Equal(count, executions.Count);
            Assert.All(executions.Values, n => Assert.Equal(1, n));
            var byNode = await check.DictionaryAsync<string, long>("SELECT node, COUNT(*) FROM test_execution GROUP BY node");
            Assert.True(byNode.GetValueOrDefault("one") > 0 && byNode.GetValueOrDefault("two") > 0, $"one node did all the work: {string.Join(", ", byNode)}");
            Assert.Equal(count, byNode.Values.Sum());
        }
        finally
        {
            await WorkerProcess.StopAsync(one);
            await WorkerProcess.StopAsync(two);
        }
    }

    [Fact]
    public async Task A_dead_nodes_job_is_taken_over_after_its_lease_expires_or_failed_when_out_of_retries()
    {
        await using var database = await TestDatabase.CreateAsync(TestDatabaseKind.PostgreSql, "jobs_tests");
        await using var enqueuer = await JobsNode.StartAsync(database, o => o.RunWorker = false);
        await PrepareAsync(enqueuer);
        var dying = await WorkerProcess.StartAsync(database, "dying", concurrency: 4, LeaseMs);
        var retried = await enqueuer.Jobs.EnqueueCommandAsync<CountCommand>(new CountArg { FirstAttemptDelayMs = 60_000 });
        var lastChance = await enqueuer.Jobs.EnqueueCommandAsync<CountCommand>(new CountArg { FirstAttemptDelayMs = 60_000 }, new JobOptions { RetryLimit = 0 });
        try
        {
            await enqueuer.WaitForAsync(retried.Id, JobState.Started);
            await enqueuer.WaitForAsync(lastChance.Id, JobState.Started);
        }
        finally
        {
            dying.Kill();
            await dying.WaitForExitAsync();
        }
        var killedAt = DateTime.UtcNow;

        await using var heir = await JobsNode.StartAsync(database, name: "heir");
        var done = await heir.WaitForAsync(retried.Id, JobState.Completed);
        Assert.Equal("heir", done.Node);
        Assert.Equal(2, done.Attempts);
        Assert.Equal(["LeaseExpired", "Completed"], done.AttemptLog.Select(a => a.Outcome));
        Assert.Equal("dying", done.AttemptLog[0].Node);
        Assert.True(done.StartedAt >= killedAt.AddMilliseconds(-LeaseMs), "the job was taken over before the dead node's lease could have expired");

        var failed = await heir.WaitForAsync(lastChance.Id, JobState.Failed);
        Assert.Equal(JobErrors.LeaseExpired, failed.ErrorCode);
        Assert.Equal(1, failed.Attempts);
        Assert.Equal("dying", Assert.Single(failed.AttemptLog).Node);
    }
}
