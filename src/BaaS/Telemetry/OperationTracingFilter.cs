using System.Diagnostics;
using System.Runtime.CompilerServices;
using BaaS.Auth;

namespace BaaS;

/// <summary>
/// The span and the metrics of every operation call, whichever way it came in. Outermost (<see cref="FilterOrder.Telemetry"/>)
/// and before binding, so it sees every answer, refusals and malformed bodies included, and the request logs' filter
/// (at <see cref="FilterOrder.Observe"/>) runs inside its span. The span is a child of whatever is current: ASP.NET
/// Core's request activity over HTTP, the calling operation's span for a gateway call, a job's run span for an API job.
/// While nothing listens to the source or the meter, a call costs one check and goes straight on.
/// </summary>
/// <remarks>
/// Span: named after the operation, kind internal; tags <c>baas.operation</c>, <c>baas.operation.kind</c>,
/// <c>http.request.method</c>, <c>http.response.status_code</c>, <c>enduser.id</c> (when signed in), <c>error.type</c>
/// (4xx and 5xx); status Error on 5xx. Never the request's or the response's body.
/// </remarks>
internal sealed class OperationTracingFilter(OperationMetrics metrics) : IOperationFilter
{
    public int Order => FilterOrder.Telemetry;

    public bool RunsBeforeBinding => true;

    public bool AppliesTo(Operation operation) => true;

    public ValueTask InvokeAsync(OperationContext context, OperationFilterDelegate next) =>
        BaaSTelemetry.Operations.HasListeners() || metrics.Enabled ? ObserveAsync(context, next) : next(context);

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask ObserveAsync(OperationContext context, OperationFilterDelegate next)
    {
        using var activity = BaaSTelemetry.Operations.StartActivity(context.Operation.Name, ActivityKind.Internal);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(OperationTags.Operation, context.Operation.Name);
            activity.SetTag(OperationTags.Kind, OperationTags.KindOf(context.Kind));
            activity.SetTag(OperationTags.Method, context.Verb);
        }
        await next(context).ConfigureAwait(false);
        var status = context.StatusCode;
        var errorType = OperationTags.ErrorTypeOf(context, status);
        if (activity is { IsAllDataRequested: true }) Complete(activity, context, status, errorType);
        metrics.Record(context, status, errorType);
    }

    /// <summary>The outcome's tags on a call's span (the user is read now: a filter inside may have signed the caller in).</summary>
    internal static void Complete(Activity activity, OperationContext context, int status, string? errorType)
    {
        activity.SetTag(OperationTags.StatusCode, OperationTags.Status(status));
        if (context.User.GetUserId() is { } userId) activity.SetTag(OperationTags.UserId, userId);
        if (errorType is null) return;
        activity.SetTag(OperationTags.ErrorType, errorType);
        if (status >= 500) activity.SetStatus(ActivityStatusCode.Error, errorType);
    }
}
