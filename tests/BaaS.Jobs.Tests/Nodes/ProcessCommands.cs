using BaaS.Data;
using BaaS.DataAnnotations;
using Microsoft.Extensions.Options;

namespace BaaS.Jobs.Tests;

/// <summary>A row per run of <see cref="CountCommand"/>, written in the jobs database when the run starts.</summary>
[Alias("test_execution")]
public sealed class TestExecution
{
    [AutoIncrement] public long Id { get; set; }
    [Index] public long JobId { get; set; }
    public int Attempt { get; set; }
    public string Node { get; set; } = "";
}

/// <summary>A row per run of <see cref="CountCallbackCommand"/>: a completion recorded (callbacks are queued with it).</summary>
[Alias("test_callback")]
public sealed class TestCallback
{
    [AutoIncrement] public long Id { get; set; }
    [Index] public long ParentJobId { get; set; }
}

public sealed class CountArg
{
    public int DelayMs { get; set; }
    /// <summary>How long the first attempt takes (a job that a node dies in the middle of).</summary>
    public int FirstAttemptDelayMs { get; set; }
}

/// <summary>Records that it started, in the jobs database, then takes its time; answers its job id.</summary>
public sealed class CountCommand(IDbConnectionFactory factory, IJobContext job, IOptions<JobsOptions> options) : IAsyncCommand<CountArg, long>
{
    public async Task<long> ExecuteAsync(CountArg arg, CancellationToken cancellationToken)
    {
        await using (var db = await factory.OpenAsync("jobs", cancellationToken))
            await db.InsertAsync(new TestExecution { JobId = job.JobId, Attempt = job.Attempt, Node = options.Value.NodeName }, cancellationToken);
        var delay = job.Attempt == 1 && arg.FirstAttemptDelayMs > 0 ? arg.FirstAttemptDelayMs : arg.DelayMs;
        if (delay > 0) await Task.Delay(delay, cancellationToken);
        return job.JobId;
    }
}

/// <summary>The callback of <see cref="CountCommand"/>: records which job completed.</summary>
public sealed class CountCallbackCommand(IDbConnectionFactory factory) : IAsyncCommand<long>
{
    public async Task ExecuteAsync(long parentJobId, CancellationToken cancellationToken)
    {
        await using var db = await factory.OpenAsync("jobs", cancellationToken);
        await db.InsertAsync(new TestCallback { ParentJobId = parentJobId }, cancellationToken);
    }
}

/// <summary>Does nothing: the benchmark's command.</summary>
public sealed class NoopCommand : IAsyncCommand<int>
{
    public Task ExecuteAsync(int arg, CancellationToken cancellationToken) => Task.CompletedTask;
}
