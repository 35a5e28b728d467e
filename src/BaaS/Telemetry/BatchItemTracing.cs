using System.Diagnostics;

namespace BaaS;

/// <summary>
/// A span per request of a batch, under the batch's own span (<see cref="OperationTracingFilter"/>): named after the
/// operation, tagged with <c>baas.batch.index</c> (from 0) and the request's outcome, so a slow or failing item shows
/// which one it was. Nothing is created while nobody listens.
/// </summary>
internal static class BatchItemTracing
{
    public static Activity? Start(OperationContext batch, int index)
    {
        if (!BaaSTelemetry.Operations.HasListeners()) return null;
        var activity = BaaSTelemetry.Operations.StartActivity(batch.Operation.Name, ActivityKind.Internal);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(OperationTags.Operation, batch.Operation.Name);
            activity.SetTag(OperationTags.Kind, OperationTags.KindOf(batch.Kind));
            activity.SetTag(OperationTags.Method, batch.Verb);
            activity.SetTag(OperationTags.BatchIndex, index);
        }
        return activity;
    }

    public static void Stop(Activity? activity, OperationContext batch)
    {
        if (activity is null) return;
        if (activity.IsAllDataRequested)
        {
            var status = batch.StatusCode;
            OperationTracingFilter.Complete(activity, batch, status, OperationTags.ErrorTypeOf(batch, status));
        }
        activity.Dispose();
    }
}
