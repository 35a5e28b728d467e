using BaaS.Data;
using BaaS.Data.Sqlite;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace BaaS.Jobs.Tests;

#region snippet:jobs-command
public class Welcome
{
    public string Email { get; set; } = "";
    public string Name { get; set; } = "";
}

public class SendWelcomeEmail(IJobContext job) : IAsyncCommand<Welcome>
{
    public async Task ExecuteAsync(Welcome arg, CancellationToken cancellationToken)
    {
        job.Log($"Writing to {arg.Email}");              // stored with the job, readable while it runs
        job.ReportProgress(0.5, "composing");
        await Task.Delay(10, cancellationToken);          // the token fires on cancel, timeout or shutdown
        job.ReportProgress(1, "sent");
    }
}
#endregion

#region snippet:jobs-command-result
public class ResizeImage : IAsyncCommand<string, ImageSize>
{
    public Task<ImageSize> ExecuteAsync(string path, CancellationToken cancellationToken) =>
        Task.FromResult(new ImageSize { Path = path, Width = 640, Height = 480 });
}

public class ImageSize
{
    public string Path { get; set; } = "";
    public int Width { get; set; }
    public int Height { get; set; }
}

public class PublishImage : IAsyncCommand<ImageSize>   // the callback takes the result
{
    public Task ExecuteAsync(ImageSize size, CancellationToken cancellationToken) => Task.CompletedTask;
}
#endregion

/// <summary>The examples of docs/jobs.md, run against a real node.</summary>
public sealed class DocExamples(NodeFixture<OnSqlite> fixture) : IClassFixture<NodeFixture<OnSqlite>>
{
    [Fact]
    public async Task Enqueue_examples_run()
    {
        var jobs = fixture.Node.Jobs;
        var ct = CancellationToken.None;
        #region snippet:jobs-enqueue
        JobRef job = await jobs.EnqueueCommandAsync<SendWelcomeEmail>(new Welcome { Email = "ann@example.com", Name = "Ann" },
            new JobOptions { Tag = "signup", RetryLimit = 5 }, ct);
        // job.Id, job.RefId: stored in the jobs database before the call returned
        #endregion
        var done = await fixture.Node.WaitForAsync(job.Id, JobState.Completed);
        Assert.Contains("Writing to ann@example.com", done.Log);

        #region snippet:jobs-options
        var later = await jobs.EnqueueCommandAsync<SendWelcomeEmail>(new Welcome { Email = "bo@example.com" }, new JobOptions
        {
            RunAfter = DateTime.UtcNow.AddMinutes(10),     // not before then
            DependsOn = job.Id,                            // only after that job completed
            Worker = "mailer",                             // one at a time, in order, across all nodes
            RetryLimit = 3,                                // 4 attempts at most, with exponential backoff and jitter
            Timeout = TimeSpan.FromMinutes(2),             // then the token fires and the attempt fails
            RefId = "welcome-bo",                          // enqueue it again: the same job answers
            Tag = "signup",
            Priority = 10,                                 // before lower priorities among due jobs
        }, ct);
        #endregion
        Assert.Equal(later, await jobs.EnqueueCommandAsync<SendWelcomeEmail>(new Welcome(), new JobOptions { RefId = "welcome-bo" }, ct));
        await jobs.CancelJobAsync(later.Id, ct);

        #region snippet:jobs-callback
        var resize = await jobs.EnqueueCommandAsync<ResizeImage>("uploads/cat.png", new JobOptions { Callback = nameof(PublishImage) }, ct);
        #endregion
        Assert.Contains("640", (await fixture.Node.WaitForAsync(resize.Id, JobState.Completed)).Result);

        #region snippet:jobs-api
        var api = await jobs.EnqueueApiAsync(new RecordCall { Key = "report" },
            new JobOptions { RunAs = new JobUser { UserId = "system", UserName = "system", Roles = ["Ops"] } }, ct);
        #endregion
        Assert.Contains("system", (await fixture.Node.WaitForAsync(api.Id, JobState.Completed)).Result);
    }

    [Fact]
    public async Task Management_examples_run()
    {
        var jobs = fixture.Node.Jobs;
        var ct = CancellationToken.None;
        var failing = await jobs.EnqueueCommandAsync<WorkCommand>(new WorkArg { Key = Probe.NewKey(), FailTimes = 1 }, new JobOptions { RetryLimit = 0 }, ct);
        await fixture.Node.WaitForAsync(failing.Id, JobState.Failed);
        var id = failing.Id;
        #region snippet:jobs-manage
        JobInfo? info = await jobs.GetJobAsync(id, ct);        // state, attempts, log, progress, error and stack, result
        if (info?.State == JobState.Failed) await jobs.RequeueJobAsync(id, ct);
        var welcome = await jobs.EnqueueCommandAsync<SendWelcomeEmail>(new Welcome(), new JobOptions { RunAfter = DateTime.UtcNow.AddHours(1) }, ct);
        await jobs.CancelJobAsync(welcome.Id, ct);             // queued: cancelled now; running: its token fires
        #endregion
        await fixture.Node.WaitForAsync(id, JobState.Completed);

        #region snippet:jobs-recurring
        await jobs.RecurringCommandAsync<SendWelcomeEmail>("weekly-digest", Schedule.Parse("0 8 * * MON"),
            new Welcome { Email = "team@example.com" }, new JobOptions { Tag = "digest" }, ct);
        await jobs.PauseScheduleAsync("weekly-digest", ct);
        await jobs.ResumeScheduleAsync("weekly-digest", ct);
        JobRef now = await jobs.RunScheduleNowAsync("weekly-digest", ct);
        #endregion
        Assert.Equal("weekly-digest", (await fixture.Node.WaitForAsync(now.Id, JobState.Completed)).ScheduleName);
        await jobs.DeleteScheduleAsync("weekly-digest", ct);

        using var client = fixture.Node.Client(JobsNode.Admin);
        #region snippet:jobs-admin-api
        var failed = await client.SendAsync(new AdminQueryJobs { State = JobState.Failed, Take = 20 });
        var detail = await client.SendAsync(new AdminGetJob { Id = id });          // with log and attempts
        var stats = await client.SendAsync(new AdminGetJobStats { Minutes = 60 });  // queued, running, failed, per minute
        #endregion
        Assert.Equal(2, detail.Job.AttemptLog.Count);
        Assert.True(stats.PerMinute.Count > 0);
        Assert.DoesNotContain(failed.Results, j => j.Id == id);
    }

    [Fact]
    public async Task Setup_example_builds_a_node()
    {
        var folder = Path.Combine(Path.GetTempPath(), "baas-jobs-doc-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var builder = WebApplication.CreateBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var jobsDb = $"Data Source={Path.Combine(folder, "jobs.db")}";
            builder.Services.AddSingleton<IDbConnectionFactory>(new DbConnectionFactory($"Data Source={Path.Combine(folder, "app.db")}", SqliteDialect.Instance));
            #region snippet:jobs-setup
            builder.Services.AddBaaSJobs(options =>
            {
                options.UseDatabase(jobsDb, SqliteDialect.Instance);     // registered as the "jobs" connection
                options.Concurrency = 8;
                options.RecurringCommand<SendWelcomeEmail>("nightly-hello", "0 2 * * *", new Welcome { Email = "ops@example.com" });
            }, typeof(SendWelcomeEmail).Assembly);
            #endregion
            await using var app = builder.Build();
            await app.StartAsync();
            using var scope = app.Services.CreateScope();
            var schedules = await scope.ServiceProvider.GetRequiredService<IBackgroundJobs>().GetSchedulesAsync();
            Assert.Equal("nightly-hello", Assert.Single(schedules).Name);
            await app.StopAsync();
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
