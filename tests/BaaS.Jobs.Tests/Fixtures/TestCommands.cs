using Microsoft.Extensions.Options;

namespace BaaS.Jobs.Tests;

public sealed class WorkArg
{
    public string Key { get; set; } = "";
    /// <summary>How long the command takes.</summary>
    public int DelayMs { get; set; }
    /// <summary>Fail the first N runs (counted across attempts, requeues and nodes).</summary>
    public int FailTimes { get; set; }
    /// <summary>Fail with an HttpError of this status (a caller's mistake when 4xx).</summary>
    public int? FailStatus { get; set; }
    /// <summary>Wait for the probe's gate of this key before finishing.</summary>
    public bool WaitForGate { get; set; }
    /// <summary>Keep going when the token fires (a command that ignores cancellation).</summary>
    public bool IgnoreToken { get; set; }
}

/// <summary>Records its run in the probe; can be slow, flaky, or wait for the test.</summary>
public sealed class WorkCommand(IJobContext job, IOptions<JobsOptions> options) : IAsyncCommand<WorkArg>
{
    public async Task ExecuteAsync(WorkArg arg, CancellationToken cancellationToken)
    {
        var start = DateTime.UtcNow;
        var fired = false;
        job.Log($"attempt {job.Attempt} on {options.Value.NodeName}");
        try
        {
            if (arg.WaitForGate) await Probe.Gate(arg.Key).WaitAsync(arg.IgnoreToken ? CancellationToken.None : cancellationToken);
            if (arg.DelayMs > 0) await Task.Delay(arg.DelayMs, arg.IgnoreToken ? CancellationToken.None : cancellationToken);
        }
        catch (OperationCanceledException)
        {
            fired = true;
            throw;
        }
        finally
        {
            Probe.Record(new Probe.Run(arg.Key, job.JobId, job.Attempt, options.Value.NodeName, start, DateTime.UtcNow, job.User.Identity?.Name,
                fired || cancellationToken.IsCancellationRequested, arg));
        }
        var run = Probe.RunsOf(arg.Key).Count(r => r.JobId == job.JobId);
        if (run <= arg.FailTimes)
        {
            if (arg.FailStatus is { } status) throw new HttpError(status, "TestFailure", $"run {run} fails with {status}");
            throw new InvalidOperationException($"run {run} fails");
        }
    }
}

public sealed class EchoArg
{
    public string Key { get; set; } = "";
    public string Text { get; set; } = "";
}

public sealed class EchoResult
{
    public string Key { get; set; } = "";
    public string Upper { get; set; } = "";
    public long JobId { get; set; }
}

/// <summary>A command with a result.</summary>
public sealed class EchoCommand(IJobContext job) : IAsyncCommand<EchoArg, EchoResult>
{
    public Task<EchoResult> ExecuteAsync(EchoArg arg, CancellationToken cancellationToken) =>
        Task.FromResult(new EchoResult { Key = arg.Key, Upper = arg.Text.ToUpperInvariant(), JobId = job.JobId });
}

/// <summary>A callback: receives an <see cref="EchoCommand"/>'s result.</summary>
public sealed class EchoReceivedCommand(IJobContext job, IOptions<JobsOptions> options) : IAsyncCommand<EchoResult>
{
    public Task ExecuteAsync(EchoResult arg, CancellationToken cancellationToken)
    {
        Probe.Record(new Probe.Run(arg.Key, job.JobId, job.Attempt, options.Value.NodeName, DateTime.UtcNow, DateTime.UtcNow, job.User.Identity?.Name, false, arg));
        return Task.CompletedTask;
    }
}

/// <summary>Reports progress and logs, then waits for the test's gate (or its token).</summary>
public sealed class ProgressCommand(IJobContext job) : IAsyncCommand<WorkArg>
{
    public async Task ExecuteAsync(WorkArg arg, CancellationToken cancellationToken)
    {
        job.Log("loading the data");
        job.ReportProgress(0.25, "loading");
        job.Log("halfway there");
        job.ReportProgress(0.5, "halfway");
        await Probe.Gate(arg.Key).WaitAsync(cancellationToken);
        job.Log("done");
        job.ReportProgress(1, "done");
    }
}

/// <summary>Queues another job from inside a job: the new job inherits the running job's user.</summary>
public sealed class ChainCommand(IBackgroundJobs jobs) : IAsyncCommand<WorkArg, long>
{
    public async Task<long> ExecuteAsync(WorkArg arg, CancellationToken cancellationToken) =>
        (await jobs.EnqueueCommandAsync<WorkCommand>(new WorkArg { Key = arg.Key }, cancellationToken: cancellationToken)).Id;
}
