namespace BaaS.Jobs.Tests;

/// <summary>Recurring jobs: registration by name across restarts, cron and interval runs, pause, resume, run now.</summary>
public abstract class RecurringTests<TKind> where TKind : IDatabaseKind
{
    [Fact]
    public async Task A_schedule_registered_again_after_a_restart_is_updated_not_duplicated_and_stays_paused()
    {
        await using var database = await TestDatabase.CreateAsync(TKind.Kind, "jobs_tests");
        var key = Probe.NewKey();
        var first = await JobsNode.StartAsync(database, o => o.RecurringCommand<WorkCommand>("tick", "@every 150ms", new WorkArg { Key = key }));
        await Eventually.UntilAsync(() => Task.FromResult(Probe.RunsOf(key).Count >= 2), "the schedule ran twice");
        await first.Jobs.PauseScheduleAsync("tick");
        await first.DisposeAsync();

        // The same registration, with a new argument, on the next start.
        var key2 = Probe.NewKey();
        await using var second = await JobsNode.StartAsync(database, o => o.RecurringCommand<WorkCommand>("tick", "@every 150ms", new WorkArg { Key = key2 }));
        var schedules = await second.Jobs.GetSchedulesAsync();
        var tick = Assert.Single(schedules);
        Assert.Equal("tick", tick.Name);
        Assert.True(tick.Paused);
        Assert.Null(tick.NextRunAt);
        Assert.Contains(key2, tick.Arg);
        Assert.Equal(1, await second.ScalarAsync("SELECT COUNT(*) FROM baas_job_schedule"));

        await second.Jobs.ResumeScheduleAsync("tick");
        await Eventually.UntilAsync(() => Task.FromResult(Probe.RunsOf(key2).Count >= 1), "the resumed schedule ran with the new argument");
    }

    [Fact]
    public async Task A_cron_schedule_queues_a_run_at_each_matching_second()
    {
        await using var database = await TestDatabase.CreateAsync(TKind.Kind, "jobs_tests");
        var key = Probe.NewKey();
        await using var node = await JobsNode.StartAsync(database, o => o.RecurringCommand<WorkCommand>("every-second", "* * * * * *", new WorkArg { Key = key },
            new JobOptions { Tag = "cron", Priority = 3 }));
        await Eventually.UntilAsync(() => Task.FromResult(Probe.RunsOf(key).Count >= 2), "two runs");
        var jobs = new List<JobInfo>();
        foreach (var run in Probe.RunsOf(key)) jobs.Add((await node.Jobs.GetJobAsync(run.JobId))!);
        Assert.All(jobs, j => Assert.Equal("every-second", j.ScheduleName));
        Assert.All(jobs, j => Assert.Equal("cron", j.Tag));
        Assert.All(jobs, j => Assert.Equal(3, j.Priority));
        // Each run's RefId names its occurrence, a whole second.
        Assert.All(jobs, j => Assert.Matches("^schedule:every-second:[0-9]{14}000$", j.RefId));
        Assert.Equal(jobs.Count, jobs.Select(j => j.RefId).Distinct().Count());
        var schedule = Assert.Single(await node.Jobs.GetSchedulesAsync());
        Assert.NotNull(schedule.LastRunAt);
        Assert.NotNull(schedule.LastJobId);
        Assert.Equal(0, schedule.NextRunAt!.Value.Millisecond);
    }

    [Fact]
    public async Task Pause_stops_runs_resume_starts_them_and_run_now_queues_one_at_once()
    {
        await using var database = await TestDatabase.CreateAsync(TKind.Kind, "jobs_tests");
        var key = Probe.NewKey();
        await using var node = await JobsNode.StartAsync(database);
        await node.Jobs.RecurringCommandAsync<WorkCommand>("nightly", Schedule.Parse("0 3 * * *"), new WorkArg { Key = key });
        var nightly = Assert.Single(await node.Jobs.GetSchedulesAsync());
        Assert.Equal("0 3 * * *", nightly.Schedule);
        var expected = CronExpression.Parse("0 3 * * *").NextAfter(DateTime.UtcNow.AddSeconds(-5));
        Assert.Equal(expected, nightly.NextRunAt);

        var run = await node.Jobs.RunScheduleNowAsync("nightly");
        var done = await node.WaitForAsync(run.Id, JobState.Completed);
        Assert.Equal("nightly", done.ScheduleName);
        Assert.Equal(nightly.NextRunAt, Assert.Single(await node.Jobs.GetSchedulesAsync()).NextRunAt);
        Assert.Equal(run.Id, Assert.Single(await node.Jobs.GetSchedulesAsync()).LastJobId);

        await node.Jobs.RecurringCommandAsync<WorkCommand>("often", Schedule.Every(TimeSpan.FromMilliseconds(100)), new WorkArg { Key = key + "-often" });
        await Eventually.UntilAsync(() => Task.FromResult(Probe.RunsOf(key + "-often").Count >= 1), "the interval schedule ran");
        var paused = await node.Jobs.PauseScheduleAsync("often");
        Assert.True(paused.Paused);
        Assert.Null(paused.NextRunAt);
        // Once the pause has returned, no run is queued: four intervals later there are no more jobs than now.
        const string queuedRuns = "SELECT COUNT(*) FROM baas_job WHERE schedule_name = @name";
        var queued = await node.ScalarAsync(queuedRuns, new { name = "often" });
        await Task.Delay(400);
        Assert.Equal(queued, await node.ScalarAsync(queuedRuns, new { name = "often" }));
        var count = Probe.RunsOf(key + "-often").Count;
        var resumed = await node.Jobs.ResumeScheduleAsync("often");
        Assert.False(resumed.Paused);
        await Eventually.UntilAsync(async () => await node.ScalarAsync(queuedRuns, new { name = "often" }) > queued, "the resumed schedule queued a run");
        await Eventually.UntilAsync(() => Task.FromResult(Probe.RunsOf(key + "-often").Count > count), "the resumed schedule ran");

        await node.Jobs.DeleteScheduleAsync("often");
        Assert.Equal(["nightly"], (await node.Jobs.GetSchedulesAsync()).Select(s => s.Name));
        Assert.Equal(404, (await Assert.ThrowsAsync<HttpError>(() => node.Jobs.PauseScheduleAsync("often"))).StatusCode);
        Assert.Equal(404, (await Assert.ThrowsAsync<HttpError>(() => node.Jobs.RunScheduleNowAsync("nope"))).StatusCode);
    }

    [Fact]
    public async Task Registering_a_recurring_job_checks_its_command_argument_and_options()
    {
        await using var database = await TestDatabase.CreateAsync(TKind.Kind, "jobs_tests");
        await using var node = await JobsNode.StartAsync(database);
        await Assert.ThrowsAsync<ArgumentException>(() => node.Jobs.RecurringCommandAsync<WorkCommand>("x", Schedule.Parse("@hourly"), new EchoArg()));
        await Assert.ThrowsAsync<ArgumentException>(() => node.Jobs.RecurringCommandAsync<WorkCommand>("x", Schedule.Parse("@hourly"), new WorkArg(),
            new JobOptions { RefId = "fixed" }));
        await Assert.ThrowsAsync<ArgumentException>(() => node.Jobs.RecurringCommandAsync<WorkCommand>(" ", Schedule.Parse("@hourly"), new WorkArg()));
        Assert.Empty(await node.Jobs.GetSchedulesAsync());
    }
}

public sealed class SqliteRecurringTests : RecurringTests<OnSqlite>;

public sealed class PostgreSqlRecurringTests : RecurringTests<OnPostgreSql>;
