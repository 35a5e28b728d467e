using Microsoft.Extensions.Logging;

namespace BaaS.RequestLogs;

/// <summary>
/// Deletes expired rows and aggregates (<see cref="RequestLogStore.DeleteExpiredAsync"/>) on
/// <see cref="RequestLogsOptions.RetentionSchedule"/>: a recurring job named <c>baas-request-logs-retention</c> when
/// the app has BaaS.Jobs, else a timer on every node.
/// </summary>
internal sealed class RequestLogRetention(RequestLogStore store, RequestLogsOptions options, ILogger<RequestLogRetention> logger) : IMaintenanceTask
{
    /// <summary>The task's (and recurring job's) name.</summary>
    public const string TaskName = "baas-request-logs-retention";

    public string Name => TaskName;

    public Schedule Schedule => options.ParsedRetentionSchedule;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var deleted = await store.DeleteExpiredAsync(cancellationToken).ConfigureAwait(false);
        if (deleted.Rows + deleted.MinuteAggregates + deleted.HourAggregates > 0)
            Log.RetentionDeleted(logger, deleted.Rows, deleted.MinuteAggregates, deleted.HourAggregates);
    }
}
