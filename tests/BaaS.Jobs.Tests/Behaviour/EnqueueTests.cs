using System.Text.Json;
using BaaS.Text;

namespace BaaS.Jobs.Tests;

/// <summary>Queuing commands and API requests: storage, results, callbacks, RefIds, users and bad calls.</summary>
public abstract class EnqueueTests<TKind>(NodeFixture<TKind> fixture) : IClassFixture<NodeFixture<TKind>> where TKind : IDatabaseKind
{
    private JobsNode Node => fixture.Node;

    [Fact]
    public async Task Enqueued_command_is_stored_before_enqueue_returns_then_runs_to_completed()
    {
        var key = Probe.NewKey();
        var job = await Node.Jobs.EnqueueCommandAsync<WorkCommand>(new WorkArg { Key = key, WaitForGate = true });

        // A fresh connection sees the row the moment the call returned.
        Assert.Equal(1, await Node.ScalarAsync("SELECT COUNT(*) FROM baas_job WHERE id = @id", new { id = job.Id }));
        Assert.False(string.IsNullOrEmpty(job.RefId));
        await Node.WaitForAsync(job.Id, JobState.Started);

        Probe.Open(key);
        var done = await Node.WaitForAsync(job.Id, JobState.Completed);
        Assert.Equal(1, done.Attempts);
        Assert.Equal(Node.Name, done.Node);
        Assert.Equal(nameof(WorkCommand), done.Command);
        Assert.Equal(JobKind.Command, done.Kind);
        Assert.NotNull(done.StartedAt);
        Assert.True(done.CompletedAt >= done.StartedAt);
        Assert.NotNull(done.DurationMs);
        Assert.Equal("Completed", Assert.Single(done.AttemptLog).Outcome);
        Assert.Contains($"attempt 1 on {Node.Name}", done.Log);
        Assert.Single(Probe.RunsOf(key));
    }

    [Fact]
    public async Task Synchronous_enqueue_stores_the_job_too()
    {
        var key = Probe.NewKey();
        var job = Node.Jobs.EnqueueCommand<WorkCommand>(new WorkArg { Key = key }, new JobOptions { Tag = "sync" });
        Assert.True(job.Id > 0);
        Assert.Equal(1, await Node.ScalarAsync("SELECT COUNT(*) FROM baas_job WHERE id = @id AND tag = @tag", new { id = job.Id, tag = "sync" }));
    }

    [Fact]
    public async Task Result_is_stored_and_the_callback_runs_with_it()
    {
        var key = Probe.NewKey();
        var job = await Node.Jobs.EnqueueCommandAsync<EchoCommand>(new EchoArg { Key = key, Text = "hello" },
            new JobOptions { Callback = nameof(EchoReceivedCommand), Tag = "echo" });
        var done = await Node.WaitForAsync(job.Id, JobState.Completed);
        var result = JsonSerializer.Deserialize<EchoResult>(done.Result!, JsonProtocol.Options)!;
        Assert.Equal("HELLO", result.Upper);
        Assert.Equal(job.Id, result.JobId);

        await Eventually.UntilAsync(() => Task.FromResult(Probe.RunsOf(key).Count == 1), "the callback ran");
        var received = Assert.IsType<EchoResult>(Probe.RunsOf(key)[0].Arg);
        Assert.Equal("HELLO", received.Upper);
        var callbackId = Probe.RunsOf(key)[0].JobId;
        var callback = await Node.WaitForAsync(callbackId, JobState.Completed);
        Assert.Equal(job.Id, callback.ParentId);
        Assert.Equal(nameof(EchoReceivedCommand), callback.Command);
        Assert.Equal("echo", callback.Tag);
    }

    [Fact]
    public async Task Same_RefId_answers_the_first_job_and_runs_once()
    {
        var key = Probe.NewKey();
        var refId = "order-" + key;
        var first = await Node.Jobs.EnqueueCommandAsync<WorkCommand>(new WorkArg { Key = key }, new JobOptions { RefId = refId });
        var again = await Node.Jobs.EnqueueCommandAsync<WorkCommand>(new WorkArg { Key = key }, new JobOptions { RefId = refId });
        Assert.Equal(first, again);
        Assert.Equal(refId, first.RefId);

        // Racing callers with one RefId get one job.
        var racing = Probe.NewKey();
        var refs = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
            Node.Jobs.EnqueueCommandAsync<WorkCommand>(new WorkArg { Key = racing }, new JobOptions { RefId = "race-" + racing }))));
        Assert.Single(refs.Distinct());

        await Node.WaitForAsync(first.Id, JobState.Completed);
        await Node.WaitForAsync(refs[0].Id, JobState.Completed);
        Assert.Single(Probe.RunsOf(key));
        Assert.Single(Probe.RunsOf(racing));
        Assert.Equal(1, await Node.ScalarAsync("SELECT COUNT(*) FROM baas_job WHERE ref_id = @refId", new { refId }));
        Assert.Equal(first.Id, (await Node.Jobs.GetJobByRefIdAsync(refId))!.Id);
    }

    [Fact]
    public async Task Api_job_runs_through_the_pipeline_as_the_user_who_queued_it()
    {
        var key = Probe.NewKey();
        using var ops = Node.Client(JobsNode.Ops);
        var queued = await ops.SendAsync(new QueueRecordCall { Key = key });
        var done = await Node.WaitForAsync(queued.JobId, JobState.Completed);
        Assert.Equal(JobKind.Api, done.Kind);
        Assert.Equal(nameof(RecordCall), done.Command);
        Assert.Equal("olive", done.UserName);
        Assert.Equal("2", done.UserId);
        var response = JsonSerializer.Deserialize<RecordCallResponse>(done.Result!, JsonProtocol.Options)!;
        Assert.Equal("olive", response.UserName);
        Assert.Equal("2", response.UserId);
        Assert.Equal(["Ops"], response.Roles);
    }

    [Fact]
    public async Task Api_job_runs_as_a_configured_user()
    {
        var key = Probe.NewKey();
        var job = await Node.Jobs.EnqueueApiAsync(new RecordCall { Key = key },
            new JobOptions { RunAs = new JobUser { UserId = "sys", UserName = "system", Roles = ["Ops"] } });
        var done = await Node.WaitForAsync(job.Id, JobState.Completed);
        var response = JsonSerializer.Deserialize<RecordCallResponse>(done.Result!, JsonProtocol.Options)!;
        Assert.Equal("system", response.UserName);
        Assert.Equal("sys", response.UserId);
    }

    [Fact]
    public async Task Api_job_the_user_may_not_call_fails_with_its_status_code_and_is_not_retried()
    {
        using var customer = Node.Client(JobsNode.Customer);
        var queued = await customer.SendAsync(new QueueRecordCall { Key = Probe.NewKey() });
        var failed = await Node.WaitForAsync(queued.JobId, JobState.Failed);
        Assert.Equal("MissingRole", failed.ErrorCode);
        Assert.Equal(1, failed.Attempts);

        // Queued with nobody signed in and no configured user: anonymous, so 401.
        var anonymous = await Node.Jobs.EnqueueApiAsync(new RecordCall { Key = Probe.NewKey() });
        Assert.Equal("Unauthorized", (await Node.WaitForAsync(anonymous.Id, JobState.Failed)).ErrorCode);
    }

    [Fact]
    public async Task Job_queued_by_a_running_job_runs_as_the_same_user()
    {
        var key = Probe.NewKey();
        var parent = await Node.Jobs.EnqueueCommandAsync<ChainCommand>(new WorkArg { Key = key },
            new JobOptions { RunAs = new JobUser { UserId = "9", UserName = "nina" } });
        var done = await Node.WaitForAsync(parent.Id, JobState.Completed);
        var childId = JsonSerializer.Deserialize<long>(done.Result!);
        var child = await Node.WaitForAsync(childId, JobState.Completed);
        Assert.Equal("nina", child.UserName);
        Assert.Equal("nina", Assert.Single(Probe.RunsOf(key)).User);
    }

    [Fact]
    public async Task Bad_enqueue_calls_are_refused_before_anything_is_stored()
    {
        var before = await Node.ScalarAsync("SELECT COUNT(*) FROM baas_job");
        await Assert.ThrowsAsync<ArgumentException>(() => Node.Jobs.EnqueueCommandAsync<WorkCommand>(new EchoArg()));
        await Assert.ThrowsAsync<ArgumentException>(() => Node.Jobs.EnqueueCommandAsync<string>("not a command"));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Node.Jobs.EnqueueCommandAsync<WorkCommand>(new WorkArg(), new JobOptions { RetryLimit = -1 }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Node.Jobs.EnqueueCommandAsync<WorkCommand>(new WorkArg(), new JobOptions { Timeout = TimeSpan.Zero }));
        await Assert.ThrowsAsync<ArgumentException>(() => Node.Jobs.EnqueueCommandAsync<WorkCommand>(new WorkArg(), new JobOptions { Callback = "NoSuchCommand" }));
        await Assert.ThrowsAsync<ArgumentException>(() => Node.Jobs.EnqueueCommandAsync<WorkCommand>(new WorkArg(), new JobOptions { RefId = " " }));
        await Assert.ThrowsAsync<ArgumentException>(() => Node.Jobs.EnqueueCommandAsync<WorkCommand>(new WorkArg(), new JobOptions { DependsOn = 987654321 }));
        await Assert.ThrowsAsync<ArgumentException>(() => Node.Jobs.EnqueueApiAsync(new WorkArg()));
        Assert.Equal(before, await Node.ScalarAsync("SELECT COUNT(*) FROM baas_job"));
    }
}

public sealed class SqliteEnqueueTests(NodeFixture<OnSqlite> fixture) : EnqueueTests<OnSqlite>(fixture);

public sealed class PostgreSqlEnqueueTests(NodeFixture<OnPostgreSql> fixture) : EnqueueTests<OnPostgreSql>(fixture);
