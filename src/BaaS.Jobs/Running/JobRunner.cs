using System.Diagnostics;
using System.Security.Claims;
using System.Text.Json;
using BaaS.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace BaaS.Jobs;

/// <summary>
/// Runs one claimed job: a fresh DI scope, the command (or the API request through <see cref="BaaSHost.ExecuteAsync"/>)
/// under the job's timeout and stop token, and the outcome as a <see cref="JobFinish"/> to record: completed, failed,
/// cancelled, or queued for a retry after an exponential, jittered delay. Answers null when the job must not be
/// recorded by this node (it shut down, or lost the lease).
/// </summary>
internal sealed class JobRunner(IServiceProvider services, CommandRegistry commands, JobFactory factory, JobStore store, JobTelemetry telemetry)
{
    private readonly JobsOptions _options = store.Options;

    /// <summary>Runs the job inside its run span (see <see cref="JobTelemetry"/>), so its SQL and API calls are children of it.</summary>
    public async Task<JobFinish?> RunAsync(RunningJob run)
    {
        var started = Stopwatch.GetTimestamp();
        var activity = telemetry.StartRun(run.Job);
        JobFinish? finish = null;
        try
        {
            finish = await RunAttemptAsync(run).ConfigureAwait(false);
            return finish;
        }
        finally
        {
            telemetry.Ran(activity, run.Job, finish, Stopwatch.GetElapsedTime(started));
        }
    }

    private async Task<JobFinish?> RunAttemptAsync(RunningJob run)
    {
        var job = run.Job;
        var clock = Stopwatch.StartNew();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(job.TimeoutMs));
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(run.Stopping.Token, timeout.Token);
        string? result = null;
        Exception? error = null;
        try
        {
            var scope = services.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                scope.ServiceProvider.GetRequiredService<JobContext>().Attach(run, UserOf(job), linked.Token);
                result = job.Kind == JobKind.Api
                    ? await RunApiAsync(scope.ServiceProvider, job, linked.Token).ConfigureAwait(false)
                    : await RunCommandAsync(scope.ServiceProvider, job, linked.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e)
        {
            error = e;
        }
        clock.Stop();

        var reason = run.Reason;
        if (error is not null && reason is StopReason.Shutdown or StopReason.LeaseLost) return null;
        if (reason == StopReason.LeaseLost) return null;

        run.Finishing = true;
        await run.WriteLock.WaitAsync().ConfigureAwait(false);
        var now = store.Now;
        var (progress, status) = run.Progress;
        var chunk = run.TakeChanges()?.Chunk ?? "";
        var attempts = AttemptsBefore(job);
        var attempt = new JobAttempt { Attempt = job.Attempts, Node = job.LeaseOwner, StartedAt = job.StartedAt, EndedAt = now };
        attempts.Add(attempt);

        if (error is null)
        {
            attempt.Outcome = "Completed";
            return new JobFinish
            {
                Id = job.Id, Node = job.LeaseOwner!, Attempt = job.Attempts, State = JobState.Completed, RunAfter = job.RunAfter, CompletedAt = now,
                DurationMs = clock.ElapsedMilliseconds, Progress = progress, Status = status, LogChunk = chunk, Result = result,
                AttemptLog = Serialize(attempts),
                CallbackJob = job.Callback is null ? null : factory.ForCallback(job, result),
            };
        }

        if (reason == StopReason.Cancelled)
        {
            attempt.Outcome = "Cancelled";
            attempt.ErrorCode = JobErrors.Cancelled;
            return Ended(JobState.Cancelled, JobErrors.Cancelled, "Cancelled while running.", null);
        }

        var timedOut = timeout.IsCancellationRequested;
        var code = timedOut ? JobErrors.Timeout : ErrorCodeOf(error);
        var message = timedOut ? $"The attempt ran longer than its timeout of {TimeSpan.FromMilliseconds(job.TimeoutMs)}." : error.Message;
        attempt.Outcome = timedOut ? "Timeout" : "Failed";
        attempt.ErrorCode = code;
        attempt.Error = message;
        if (IsRetryable(error) && job.Attempts <= job.RetryLimit)
        {
            return new JobFinish
            {
                Id = job.Id, Node = job.LeaseOwner!, Attempt = job.Attempts, State = JobState.Queued, RunAfter = now + Backoff(job.Attempts),
                DurationMs = clock.ElapsedMilliseconds, Progress = progress, Status = status, LogChunk = chunk,
                ErrorCode = code, ErrorMessage = message, ErrorStack = error.ToString(), AttemptLog = Serialize(attempts),
            };
        }
        return Ended(JobState.Failed, code, message, error.ToString());

        JobFinish Ended(JobState state, string errorCode, string errorMessage, string? stack) => new()
        {
            Id = job.Id, Node = job.LeaseOwner!, Attempt = job.Attempts, State = state, RunAfter = job.RunAfter, CompletedAt = now,
            DurationMs = clock.ElapsedMilliseconds, Progress = progress, Status = status, LogChunk = chunk,
            ErrorCode = errorCode, ErrorMessage = errorMessage, ErrorStack = stack, AttemptLog = Serialize(attempts),
        };
    }

    /// <summary>
    /// The delay before retry number <paramref name="failedAttempt"/>: the base delay doubled per earlier retry, capped,
    /// then a random point between half of it and all of it, so that jobs failing together do not retry together.
    /// </summary>
    public TimeSpan Backoff(int failedAttempt)
    {
        var exponent = Math.Min(failedAttempt - 1, 30);
        var full = Math.Min(_options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, exponent), _options.MaxRetryDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(full / 2 + Random.Shared.NextDouble() * full / 2);
    }

    /// <summary>The attempts recorded before this one, plus the one a dead node lost if this run took its lease over.</summary>
    public static List<JobAttempt> AttemptsBefore(JobRecord job)
    {
        var attempts = JobStore.AttemptLogOf(job.AttemptLog);
        if (job.LostOwner is not null)
        {
            attempts.Add(new JobAttempt
            {
                Attempt = job.Attempts - 1, Node = job.LostOwner, StartedAt = job.LostStartedAt, EndedAt = job.StartedAt ?? DateTime.UtcNow,
                Outcome = "LeaseExpired", ErrorCode = JobErrors.LeaseExpired, Error = $"Node {job.LostOwner} stopped renewing its lease.",
            });
        }
        return attempts;
    }

    public static string Serialize(List<JobAttempt> attempts) => JsonSerializer.Serialize(attempts, Text.JsonProtocol.Options);

    private async Task<string?> RunCommandAsync(IServiceProvider scope, JobRecord job, CancellationToken ct)
    {
        var command = commands.Find(job.Command)
            ?? throw new JobException(JobErrors.UnknownCommand, $"Command '{job.Command}' is not registered on node {_options.NodeName}.");
        var arg = job.Arg is null ? null : JsonSerializer.Deserialize(job.Arg, command.ArgType, Text.JsonProtocol.Options);
        var instance = scope.GetRequiredService(command.CommandType);
        var result = await command.Invoke(instance, arg, ct).ConfigureAwait(false);
        return command.ResultType is null ? null : JsonSerializer.Serialize(result, command.ResultType, Text.JsonProtocol.Options);
    }

    private static async Task<string?> RunApiAsync(IServiceProvider scope, JobRecord job, CancellationToken ct)
    {
        var host = scope.GetService<BaaSHost>()
            ?? throw new JobException(JobErrors.UnknownCommand, "API jobs need BaaS: call services.AddBaaS(...) and app.UseBaaS().");
        var operation = host.Catalog.Find(job.Command)
            ?? throw new JobException(JobErrors.UnknownCommand, $"'{job.Command}' is not an operation of this app.");
        var request = JsonSerializer.Deserialize(job.Arg ?? "{}", operation.RequestType, Text.JsonProtocol.Options)!;
        var response = await host.ExecuteAsync(request, scope, UserOf(job), ct).ConfigureAwait(false);
        return response is null ? null : JsonSerializer.Serialize(response, response.GetType(), Text.JsonProtocol.Options);
    }

    private static ClaimsPrincipal UserOf(JobRecord job) =>
        job.RunAs is null
            ? new ClaimsPrincipal(new ClaimsIdentity())
            : JsonSerializer.Deserialize<JobUser>(job.RunAs, Text.JsonProtocol.Options)!.ToPrincipal();

    private static string ErrorCodeOf(Exception error) => error switch
    {
        IHasErrorCode coded when !string.IsNullOrEmpty(coded.ErrorCode) => coded.ErrorCode,
        _ => error.GetType().Name,
    };

    // A caller's mistake (4xx, other than timeouts and throttling) will not go away by retrying.
    private static bool IsRetryable(Exception error) =>
        error is not IHasStatusCode { StatusCode: >= 400 and < 500 and not 408 and not 429 };
}
