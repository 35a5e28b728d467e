using System.Text.Json;
using Microsoft.Extensions.Options;

namespace BaaS.Jobs;

/// <summary>
/// Builds the rows of new jobs from an enqueue call, a completed job's callback or a schedule's run, checking the
/// options first so that a bad one fails the caller, not the job.
/// </summary>
internal sealed class JobFactory(CommandRegistry commands, IOptions<JobsOptions> jobsOptions, TimeProvider clock)
{
    private const int MaxNameLength = 200;
    private readonly JobsOptions _options = jobsOptions.Value;

    public JobRecord ForCommand(CommandInfo command, object? arg, JobOptions? options, JobUser? user)
    {
        if (arg is not null && !command.ArgType.IsInstanceOfType(arg))
            throw new ArgumentException($"Command {command.Name} takes a {command.ArgType.Name}, not a {arg.GetType().Name}.", nameof(arg));
        var job = Create(options, user);
        job.Kind = JobKind.Command;
        job.Command = command.Name;
        job.Arg = arg is null ? null : JsonSerializer.Serialize(arg, command.ArgType, Text.JsonProtocol.Options);
        return job;
    }

    public JobRecord ForApi(string operation, object request, JobOptions? options, JobUser? user)
    {
        var job = Create(options, user);
        job.Kind = JobKind.Api;
        job.Command = operation;
        job.Arg = JsonSerializer.Serialize(request, request.GetType(), Text.JsonProtocol.Options);
        return job;
    }

    /// <summary>The callback of a completed job: the callback command with the job's result as its argument.</summary>
    public JobRecord ForCallback(JobRecord parent, string? result)
    {
        var job = Create(null, null);
        job.Kind = JobKind.Command;
        job.Command = parent.Callback!;
        job.Arg = result;
        job.ParentId = parent.Id;
        job.Tag = parent.Tag;
        job.UserId = parent.UserId;
        job.UserName = parent.UserName;
        job.RunAs = parent.RunAs;
        job.TraceParent = parent.TraceParent; // the callback's runs link to the request that started the chain
        return job;
    }

    /// <summary>The job of one run of a schedule; its RefId makes the run idempotent across nodes.</summary>
    public JobRecord ForSchedule(ScheduleRecord schedule, DateTime occurrence)
    {
        var options = schedule.Options is null ? null : JsonSerializer.Deserialize<JobOptions>(schedule.Options, Text.JsonProtocol.Options);
        var job = Create(options, options?.RunAs);
        job.Kind = JobKind.Command;
        job.Command = schedule.Command;
        job.Arg = schedule.Arg;
        job.ScheduleName = schedule.Name;
        job.RefId = $"schedule:{schedule.Name}:{occurrence:yyyyMMddHHmmssfff}";
        return job;
    }

    /// <summary>The stored form of a schedule registration.</summary>
    public ScheduleRecord ForRecurring(string name, Schedule schedule, CommandInfo command, object? arg, JobOptions? options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.Length > 100) throw new ArgumentException("A schedule's name has at most 100 characters.", nameof(name));
        if (options is { RefId: not null } or { DependsOn: not null } or { RunAfter: not null })
            throw new ArgumentException("A recurring job cannot take RefId, DependsOn or RunAfter: each run is its own job.", nameof(options));
        var sample = ForCommand(command, arg, options, options?.RunAs); // checks the argument and options now
        var now = clock.GetUtcNow().UtcDateTime;
        return new ScheduleRecord
        {
            Name = name,
            Command = command.Name,
            Arg = sample.Arg,
            Schedule = schedule.Text,
            Options = options is null ? null : JsonSerializer.Serialize(options, Text.JsonProtocol.Options),
            NextRunAt = schedule.NextAfter(now),
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    private JobRecord Create(JobOptions? options, JobUser? user)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var retryLimit = options?.RetryLimit ?? _options.DefaultRetryLimit;
        if (retryLimit is < 0 or > 1000)
            throw new ArgumentOutOfRangeException("options.RetryLimit", retryLimit, "RetryLimit must be between 0 and 1000.");
        var timeout = options?.Timeout ?? _options.DefaultTimeout;
        if (timeout <= TimeSpan.Zero || timeout > TimeSpan.FromDays(30))
            throw new ArgumentOutOfRangeException("options.Timeout", timeout, "Timeout must be positive and at most 30 days.");
        if (options?.DependsOn is <= 0) throw new ArgumentOutOfRangeException("options.DependsOn", options.DependsOn, "DependsOn is a job id, above 0.");
        if (options?.RefId is { } refId && (string.IsNullOrWhiteSpace(refId) || refId.Length > MaxNameLength))
            throw new ArgumentException($"RefId must be non-blank and at most {MaxNameLength} characters.", "options.RefId");
        CheckName(options?.Tag, "Tag");
        CheckName(options?.Worker, "Worker");
        if (options?.Callback is { } callback && commands.Find(callback) is null)
            throw new ArgumentException($"Callback '{callback}' is not a registered command.", "options.Callback");
        var runAfter = options?.RunAfter is { } at ? (at.Kind == DateTimeKind.Local ? at.ToUniversalTime() : DateTime.SpecifyKind(at, DateTimeKind.Utc)) : now;
        return new JobRecord
        {
            RefId = options?.RefId ?? Guid.CreateVersion7().ToString("N"),
            State = JobState.Queued,
            Priority = options?.Priority ?? 0,
            Worker = options?.Worker,
            Tag = options?.Tag,
            DependsOn = options?.DependsOn,
            Callback = options?.Callback,
            RunAfter = runAfter,
            CreatedAt = now,
            RetryLimit = retryLimit,
            TimeoutMs = (long)timeout.TotalMilliseconds,
            UserId = user?.UserId,
            UserName = user?.UserName,
            RunAs = user is null ? null : JsonSerializer.Serialize(user, Text.JsonProtocol.Options),
        };
    }

    private static void CheckName(string? value, string option)
    {
        if (value is not null && (string.IsNullOrWhiteSpace(value) || value.Length > MaxNameLength))
            throw new ArgumentException($"{option} must be non-blank and at most {MaxNameLength} characters.", "options." + option);
    }
}
