using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace BaaS.Jobs;

/// <summary>
/// The jobs' spans and metrics. Spans, on the <c>BaaS.Jobs</c> source: <c>enqueue {command}</c> (a producer span, child
/// of whatever is current: the request that enqueued it), whose W3C <c>traceparent</c> is stored with the job, and
/// <c>run {command}</c> (a consumer span per attempt, the root of its own trace, <b>linked</b> to the enqueuing span), with
/// <c>baas.job.command</c>, <c>baas.job.id</c>, <c>baas.job.attempt</c> and <c>baas.job.outcome</c>. Metrics, on the
/// <c>BaaS.Jobs</c> meter: <c>baas.jobs.enqueued</c>, <c>baas.jobs.running</c> (this node), <c>baas.jobs.finished</c>
/// (by <c>baas.job.outcome</c>), <c>baas.jobs.failed</c> (by <c>error.type</c>) and <c>baas.jobs.duration</c> (seconds).
/// </summary>
internal sealed class JobTelemetry : IDisposable
{
    public const string CommandTag = "baas.job.command";
    public const string IdTag = "baas.job.id";
    public const string AttemptTag = "baas.job.attempt";
    public const string OutcomeTag = "baas.job.outcome";

    private static readonly ActivitySource Source = new(BaaSTelemetry.JobsSourceName, typeof(JobTelemetry).Assembly.GetName().Version?.ToString());

    private readonly Meter _meter;
    private readonly Counter<long> _enqueued;
    private readonly UpDownCounter<long> _running;
    private readonly Counter<long> _finished;
    private readonly Counter<long> _failed;
    private readonly Histogram<double> _duration;

    public JobTelemetry(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(BaaSTelemetry.JobsMeterName) ?? new Meter(BaaSTelemetry.JobsMeterName);
        _enqueued = _meter.CreateCounter<long>("baas.jobs.enqueued", "{job}", "Jobs enqueued by this node, by command");
        _running = _meter.CreateUpDownCounter<long>("baas.jobs.running", "{job}", "Jobs running on this node now");
        _finished = _meter.CreateCounter<long>("baas.jobs.finished", "{attempt}", "Attempts that ended on this node, by command and outcome");
        _failed = _meter.CreateCounter<long>("baas.jobs.failed", "{job}", "Jobs that failed for good on this node, by command and error code");
        _duration = _meter.CreateHistogram<double>("baas.jobs.duration", "s", "How long attempts ran, by command and outcome");
    }

    /// <summary>
    /// Starts the span of enqueueing <paramref name="job"/> (or answers null) and stores on the job the traceparent its
    /// runs will link to: that span's, else the current one's when nothing records enqueues.
    /// </summary>
    public Activity? StartEnqueue(JobRecord job)
    {
        var activity = Source.HasListeners() ? Source.StartActivity("enqueue " + job.Command, ActivityKind.Producer) : null;
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(CommandTag, job.Command);
            activity.SetTag("baas.job.kind", job.Kind == JobKind.Api ? "api" : "command");
        }
        job.TraceParent ??= (activity ?? Activity.Current) is { IdFormat: ActivityIdFormat.W3C } traced ? traced.Id : null;
        return activity;
    }

    /// <summary>Ends the enqueue span with the job's id.</summary>
    public void Enqueued(Activity? activity, JobRecord job, long id)
    {
        if (activity is { IsAllDataRequested: true }) activity.SetTag(IdTag, id);
        activity?.Dispose();
        _enqueued.Add(1, new KeyValuePair<string, object?>(CommandTag, job.Command));
    }

    /// <summary>
    /// Starts the span of one attempt of <paramref name="job"/>: a new trace (the node's loop is no request), linked to the
    /// span that enqueued it. Counts the job as running until <see cref="Ran"/>.
    /// </summary>
    public Activity? StartRun(JobRecord job)
    {
        _running.Add(1);
        if (!Source.HasListeners()) return null;
        Activity.Current = null; // a run is the root of its own trace, whatever this flow carried
        ActivityLink[]? links = job.TraceParent is { } parent && ActivityContext.TryParse(parent, null, out var enqueued)
            ? [new ActivityLink(enqueued)]
            : null;
        var activity = Source.StartActivity("run " + job.Command, ActivityKind.Consumer, default(ActivityContext), tags: null, links: links);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(CommandTag, job.Command);
            activity.SetTag(IdTag, job.Id);
            activity.SetTag(AttemptTag, job.Attempts);
        }
        return activity;
    }

    /// <summary>Ends an attempt's span and records its outcome: null when this node gave the job up (shutdown, lost lease).</summary>
    public void Ran(Activity? activity, JobRecord job, JobFinish? finish, TimeSpan elapsed)
    {
        _running.Add(-1);
        var outcome = finish is null ? "abandoned" : finish.State switch
        {
            JobState.Completed => "completed",
            JobState.Queued => "retry",
            JobState.Cancelled => "cancelled",
            _ => "failed",
        };
        var command = new KeyValuePair<string, object?>(CommandTag, job.Command);
        var outcomeTag = new KeyValuePair<string, object?>(OutcomeTag, outcome);
        _finished.Add(1, command, outcomeTag);
        _duration.Record(elapsed.TotalSeconds, command, outcomeTag);
        if (outcome == "failed") _failed.Add(1, command, new KeyValuePair<string, object?>("error.type", finish!.ErrorCode));
        if (activity is null) return;
        if (activity.IsAllDataRequested)
        {
            activity.SetTag(OutcomeTag, outcome);
            if (finish?.ErrorCode is { } code)
            {
                activity.SetTag("error.type", code);
                activity.SetStatus(ActivityStatusCode.Error, code);
            }
        }
        activity.Dispose();
    }

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();
}
