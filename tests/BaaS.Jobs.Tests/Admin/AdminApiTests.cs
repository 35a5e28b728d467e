using System.Net;
using System.Text;
using BaaS.Client;

namespace BaaS.Jobs.Tests;

/// <summary>The jobs dashboard's APIs over HTTP: Admin only, every action, and bad input answered 4xx naming the field.</summary>
public abstract class AdminApiTests<TKind>(NodeFixture<TKind> fixture) : IClassFixture<NodeFixture<TKind>> where TKind : IDatabaseKind
{
    private JobsNode Node => fixture.Node;

    public static TheoryData<string, string> AdminApis() => new()
    {
        { "GET", nameof(AdminQueryJobs) },
        { "GET", nameof(AdminGetJob) + "?id=1" },
        { "GET", nameof(AdminGetJobProgress) + "?id=1" },
        { "POST", nameof(AdminCancelJob) },
        { "POST", nameof(AdminRequeueJob) },
        { "POST", nameof(AdminRequeueFailedJobs) },
        { "GET", nameof(AdminQueryJobSchedules) },
        { "POST", nameof(AdminPauseJobSchedule) },
        { "POST", nameof(AdminResumeJobSchedule) },
        { "POST", nameof(AdminRunJobSchedule) },
        { "POST", nameof(AdminDeleteJobSchedule) },
        { "GET", nameof(AdminGetJobStats) },
    };

    [Theory]
    [MemberData(nameof(AdminApis))]
    public async Task Admin_apis_answer_401_to_anonymous_callers_and_403_to_signed_in_non_admins(string verb, string path)
    {
        foreach (var (user, status) in new[] { ((string?)null, HttpStatusCode.Unauthorized), (JobsNode.Ops, HttpStatusCode.Forbidden) })
        {
            using var http = Node.Http(user);
            using var request = new HttpRequestMessage(new HttpMethod(verb), "/api/" + path);
            if (verb == "POST") request.Content = new StringContent("""{"id":1,"name":"x"}""", Encoding.UTF8, "application/json");
            using var response = await http.SendAsync(request);
            Assert.Equal(status, response.StatusCode);
            Assert.Contains("responseStatus", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Jobs_are_listed_newest_first_filtered_by_state_command_and_tag_in_pages()
    {
        var tag = "page-" + Probe.NewKey();
        var later = DateTime.UtcNow.AddHours(1);
        var ids = new List<long>();
        for (var i = 0; i < 5; i++)
            ids.Add((await Node.Jobs.EnqueueCommandAsync<WorkCommand>(new WorkArg(), new JobOptions { Tag = tag, RunAfter = later })).Id);
        var echo = await Node.Jobs.EnqueueCommandAsync<EchoCommand>(new EchoArg { Text = "x" }, new JobOptions { Tag = tag });
        await Node.WaitForAsync(echo.Id, JobState.Completed);
        using var admin = Node.Client(JobsNode.Admin);

        var page = await admin.SendAsync(new AdminQueryJobs { Tag = tag, Take = 2 });
        Assert.Equal(6, page.Total);
        Assert.Equal(0, page.Offset);
        Assert.Equal([echo.Id, ids[4]], page.Results.Select(j => j.Id));
        var last = await admin.SendAsync(new AdminQueryJobs { Tag = tag, Skip = 4, Take = 2 });
        Assert.Equal([ids[1], ids[0]], last.Results.Select(j => j.Id));
        Assert.Equal(4, last.Offset);

        var queued = await admin.SendAsync(new AdminQueryJobs { Tag = tag, State = JobState.Queued });
        Assert.Equal(5, queued.Total);
        Assert.All(queued.Results, j => Assert.Equal(nameof(WorkCommand), j.Command));
        var echoes = await admin.SendAsync(new AdminQueryJobs { Tag = tag, Command = nameof(EchoCommand), State = JobState.Completed });
        Assert.Equal(echo.Id, Assert.Single(echoes.Results).Id);
        Assert.Empty((await admin.SendAsync(new AdminQueryJobs { Tag = tag, State = JobState.Failed })).Results);
        Assert.Empty((await admin.SendAsync(new AdminQueryJobs { Tag = tag, Month = "1999-01" })).Results);
        foreach (var id in ids) await Node.Jobs.CancelJobAsync(id);
    }

    [Fact]
    public async Task Job_detail_shows_argument_result_log_error_and_every_attempt()
    {
        var key = Probe.NewKey();
        var job = await Node.Jobs.EnqueueCommandAsync<WorkCommand>(new WorkArg { Key = key, FailTimes = 1 }, new JobOptions { RefId = "detail-" + key });
        await Node.WaitForAsync(job.Id, JobState.Completed);
        using var admin = Node.Client(JobsNode.Admin);
        var detail = (await admin.SendAsync(new AdminGetJob { Id = job.Id })).Job;
        Assert.Equal(job.RefId, detail.RefId);
        Assert.Contains(key, detail.Arg);
        Assert.Contains("attempt 1 on", detail.Log);
        Assert.Contains("attempt 2 on", detail.Log);
        Assert.Equal(2, detail.AttemptLog.Count);
        Assert.Equal("run 1 fails", detail.AttemptLog[0].Error);
        Assert.Equal(nameof(InvalidOperationException), detail.AttemptLog[0].ErrorCode);
        Assert.Equal(Node.Name, detail.AttemptLog[1].Node);
        Assert.Equal(job.Id, (await admin.SendAsync(new AdminGetJob { RefId = "detail-" + key })).Job.Id);

        var progress = await admin.SendAsync(new AdminGetJobProgress { Id = job.Id });
        Assert.Equal(JobState.Completed, progress.State);
        Assert.Equal(detail.Log, progress.Log);
        var tail = await admin.SendAsync(new AdminGetJobProgress { Id = job.Id, LogStart = progress.LogLength });
        Assert.Equal("", tail.Log);
        Assert.Equal(progress.LogLength, tail.LogLength);

        Assert.Equal(404, (await admin.ApiAsync(new AdminGetJob { Id = long.MaxValue })).StatusCode);
        Assert.Equal(404, (await admin.ApiAsync(new AdminGetJob { RefId = "no-such-ref" })).StatusCode);
        Assert.Equal(404, (await admin.ApiAsync(new AdminGetJobProgress { Id = long.MaxValue })).StatusCode);
    }

    [Fact]
    public async Task Cancel_and_requeue_over_http_answer_the_job_or_409_and_404()
    {
        using var admin = Node.Client(JobsNode.Admin);
        var key = Probe.NewKey();
        var running = await Node.Jobs.EnqueueCommandAsync<WorkCommand>(new WorkArg { Key = key, WaitForGate = true });
        await Node.WaitForAsync(running.Id, JobState.Started);
        var asked = (await admin.SendAsync(new AdminCancelJob { Id = running.Id })).Job;
        Assert.True(asked.CancelRequested || asked.State == JobState.Cancelled);
        await Node.WaitForAsync(running.Id, JobState.Cancelled);
        var again = await admin.ApiAsync(new AdminCancelJob { Id = running.Id });
        Assert.Equal(409, again.StatusCode);
        Assert.Equal("JobFinished", again.ErrorCode);
        Assert.Equal(404, (await admin.ApiAsync(new AdminCancelJob { Id = long.MaxValue })).StatusCode);

        var failing = Probe.NewKey();
        var failed = await Node.Jobs.EnqueueCommandAsync<WorkCommand>(new WorkArg { Key = failing, FailTimes = 1 }, new JobOptions { RetryLimit = 0 });
        await Node.WaitForAsync(failed.Id, JobState.Failed);
        Assert.Equal(409, (await admin.ApiAsync(new AdminRequeueJob { Id = running.Id })).StatusCode);
        var requeued = (await admin.SendAsync(new AdminRequeueJob { Id = failed.Id })).Job;
        Assert.InRange(requeued.Attempts, 0, 1); // the retry budget starts again (it may already be running)
        Assert.NotEqual(JobState.Failed, requeued.State);
        await Node.WaitForAsync(failed.Id, JobState.Completed);
        Assert.Equal(404, (await admin.ApiAsync(new AdminRequeueJob { Id = long.MaxValue })).StatusCode);

        // Requeue every failed job of one command.
        var bulk = Probe.NewKey();
        var a = await Node.Jobs.EnqueueCommandAsync<WorkCommand>(new WorkArg { Key = bulk, FailTimes = 1 }, new JobOptions { RetryLimit = 0 });
        var b = await Node.Jobs.EnqueueCommandAsync<WorkCommand>(new WorkArg { Key = bulk, FailTimes = 1 }, new JobOptions { RetryLimit = 0 });
        await Node.WaitForAsync(a.Id, JobState.Failed);
        await Node.WaitForAsync(b.Id, JobState.Failed);
        Assert.Equal(0, (await admin.SendAsync(new AdminRequeueFailedJobs { Command = nameof(EchoCommand) })).Requeued);
        Assert.True((await admin.SendAsync(new AdminRequeueFailedJobs { Command = nameof(WorkCommand) })).Requeued >= 2);
        await Node.WaitForAsync(a.Id, JobState.Completed);
        await Node.WaitForAsync(b.Id, JobState.Completed);
    }

    [Fact]
    public async Task Schedules_are_listed_paused_resumed_run_and_deleted_over_http()
    {
        using var admin = Node.Client(JobsNode.Admin);
        var key = Probe.NewKey();
        var name = "report-" + key;
        await Node.Jobs.RecurringCommandAsync<WorkCommand>(name, Schedule.Parse("0 2 * * *"), new WorkArg { Key = key });
        var listed = (await admin.SendAsync(new AdminQueryJobSchedules())).Results.Single(s => s.Name == name);
        Assert.Equal("0 2 * * *", listed.Schedule);
        Assert.Equal(nameof(WorkCommand), listed.Command);
        Assert.False(listed.Paused);

        Assert.True((await admin.SendAsync(new AdminPauseJobSchedule { Name = name })).Schedule.Paused);
        Assert.False((await admin.SendAsync(new AdminResumeJobSchedule { Name = name })).Schedule.Paused);
        var run = await admin.SendAsync(new AdminRunJobSchedule { Name = name });
        await Node.WaitForAsync(run.JobId, JobState.Completed);
        Assert.Equal(run.JobId, Assert.Single(Probe.RunsOf(key)).JobId);
        await admin.SendAsync(new AdminDeleteJobSchedule { Name = name });
        Assert.DoesNotContain((await admin.SendAsync(new AdminQueryJobSchedules())).Results, s => s.Name == name);

        Assert.Equal(404, (await admin.ApiAsync(new AdminPauseJobSchedule { Name = name })).StatusCode);
        Assert.Equal(404, (await admin.ApiAsync(new AdminRunJobSchedule { Name = name })).StatusCode);
        Assert.Equal(404, (await admin.ApiAsync(new AdminDeleteJobSchedule { Name = name })).StatusCode);
        var blank = await admin.ApiAsync(new AdminResumeJobSchedule { Name = " " });
        Assert.Equal(400, blank.StatusCode);
        Assert.NotNull(blank.FieldError("Name"));
    }

    [Fact]
    public async Task Stats_count_jobs_by_state_and_finished_jobs_per_minute()
    {
        using var admin = Node.Client(JobsNode.Admin);
        var before = await admin.SendAsync(new AdminGetJobStats());
        var key = Probe.NewKey();
        var jobs = new List<long>();
        for (var i = 0; i < 3; i++) jobs.Add((await Node.Jobs.EnqueueCommandAsync<WorkCommand>(new WorkArg { Key = key })).Id);
        var failed = await Node.Jobs.EnqueueCommandAsync<WorkCommand>(new WorkArg { Key = key, FailTimes = 9 }, new JobOptions { RetryLimit = 0 });
        var waiting = await Node.Jobs.EnqueueCommandAsync<WorkCommand>(new WorkArg { Key = key }, new JobOptions { RunAfter = DateTime.UtcNow.AddHours(1) });
        var running = await Node.Jobs.EnqueueCommandAsync<WorkCommand>(new WorkArg { Key = key, WaitForGate = true });
        foreach (var id in jobs) await Node.WaitForAsync(id, JobState.Completed);
        await Node.WaitForAsync(failed.Id, JobState.Failed);
        await Node.WaitForAsync(running.Id, JobState.Started);

        var stats = await admin.SendAsync(new AdminGetJobStats { Minutes = 5 });
        Assert.True(stats.Queued >= 1);
        Assert.True(stats.Running >= 1);
        Assert.True(stats.RunningByNode.GetValueOrDefault(Node.Name) >= 1);
        Assert.True(stats.Failed >= before.Failed + 1);
        Assert.True(stats.Completed >= before.Completed + 3);
        Assert.True(stats.PerMinute.Sum(m => m.Completed) >= 3);
        Assert.True(stats.PerMinute.Sum(m => m.Failed) >= 1);
        Assert.All(stats.PerMinute, m => Assert.Equal(0, m.Minute.Second));
        Probe.Open(key);
        await Node.Jobs.CancelJobAsync(waiting.Id);
    }

    [Theory]
    [InlineData("AdminQueryJobs?state=Bogus", "State")]
    [InlineData("AdminQueryJobs?take=0", "Take")]
    [InlineData("AdminQueryJobs?take=5000", "Take")]
    [InlineData("AdminQueryJobs?skip=-1", "Skip")]
    [InlineData("AdminQueryJobs?month=2026-13", "Month")]
    [InlineData("AdminQueryJobs?month=last", "Month")]
    [InlineData("AdminGetJob", "Id")]
    [InlineData("AdminGetJob?id=0", "Id")]
    [InlineData("AdminGetJob?id=abc", "Id")]
    [InlineData("AdminGetJobProgress?id=1&logStart=-5", "LogStart")]
    [InlineData("AdminGetJobStats?minutes=0", "Minutes")]
    [InlineData("AdminGetJobStats?minutes=100000", "Minutes")]
    public async Task Bad_input_is_answered_400_naming_the_field(string path, string field)
    {
        using var http = Node.Http(JobsNode.Admin);
        using var response = await http.GetAsync("/api/" + path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains($"\"fieldName\":\"{field}\"", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Bad_ids_in_posted_actions_are_answered_400()
    {
        using var admin = Node.Client(JobsNode.Admin);
        foreach (var result in new[] { await admin.ApiAsync(new AdminCancelJob { Id = 0 }), await admin.ApiAsync(new AdminRequeueJob { Id = -3 }) })
        {
            Assert.Equal(400, result.StatusCode);
            Assert.NotNull(result.FieldError("Id"));
        }
    }

    [Fact]
    public async Task The_health_check_reports_the_queue()
    {
        using var http = Node.Http();
        using var response = await http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}

public sealed class SqliteAdminApiTests(NodeFixture<OnSqlite> fixture) : AdminApiTests<OnSqlite>(fixture);

public sealed class PostgreSqlAdminApiTests(NodeFixture<OnPostgreSql> fixture) : AdminApiTests<OnPostgreSql>(fixture);
