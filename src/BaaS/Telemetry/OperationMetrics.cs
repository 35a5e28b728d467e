using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace BaaS;

/// <summary>
/// The operation calls on the <c>BaaS.Operations</c> meter: <c>baas.operation.requests</c> (a counter),
/// <c>baas.operation.duration</c> (a histogram in seconds, with the bucket boundaries of ASP.NET Core's
/// <c>http.server.request.duration</c>) and <c>baas.operation.errors</c> (a counter of the calls that answered 4xx or
/// 5xx). Each is tagged with <c>baas.operation</c>, <c>baas.operation.kind</c> (<c>http</c>, <c>batch</c>,
/// <c>gateway</c>), <c>http.request.method</c> and <c>http.response.status_code</c>; errors also with
/// <c>error.type</c> (the answer's error code). A batch counts once, as a whole.
/// </summary>
public sealed class OperationMetrics : IDisposable
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "BaaS.Operations";

    // ASP.NET Core's http.server.request.duration boundaries: 5 ms to 10 s.
    private static readonly IReadOnlyList<double> DurationBuckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

    private readonly Meter _meter;
    private readonly Counter<long> _requests;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _errors;

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/> (a private meter without one).</summary>
    public OperationMetrics(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _requests = _meter.CreateCounter<long>("baas.operation.requests", "{request}", "Operation calls, by operation, kind, method and status");
        _duration = _meter.CreateHistogram("baas.operation.duration", "s", "How long operation calls took, from entering the pipeline to the answer",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        _errors = _meter.CreateCounter<long>("baas.operation.errors", "{request}", "Operation calls that answered 4xx or 5xx, by error code");
    }

    /// <summary>True while something listens to at least one of the instruments.</summary>
    internal bool Enabled => _requests.Enabled || _duration.Enabled || _errors.Enabled;

    internal void Record(OperationContext context, int status, string? errorType)
    {
        var tags = new TagList
        {
            { OperationTags.Operation, context.Operation.Name },
            { OperationTags.Kind, OperationTags.KindOf(context.Kind) },
            { OperationTags.Method, context.Verb },
            { OperationTags.StatusCode, OperationTags.Status(status) },
        };
        _requests.Add(1, tags);
        _duration.Record(context.Elapsed.TotalSeconds, tags);
        if (errorType is null) return;
        tags.Add(OperationTags.ErrorType, errorType);
        _errors.Add(1, tags);
    }

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();
}
