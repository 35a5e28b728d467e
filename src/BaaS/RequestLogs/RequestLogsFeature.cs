using Microsoft.Extensions.DependencyInjection;

namespace BaaS.RequestLogs;

/// <summary>
/// Request logs as a feature (added by <c>AddRequestLogs</c>): the filters that record calls, the admin APIs, their two
/// Admin UI pages, and <c>plugins.requestLogs</c> in the metadata.
/// </summary>
internal sealed class RequestLogsFeature : BaaSFeature
{
    public override string Id => "requestLogs";

    public override IEnumerable<Type> ServiceTypes => [typeof(RequestLogServices)];

    public override IEnumerable<IOperationSource> CreateOperationSources(IServiceProvider services) => [new RequestLogQuerySource()];

    public override IEnumerable<IOperationFilter> CreateFilters(IServiceProvider services) =>
        [services.GetRequiredService<RequestLogFilter>(), services.GetRequiredService<RequestLogItemFilter>()];

    /// <summary>The log explorer and the analytics charts, for administrators (their APIs are Admin only).</summary>
    public override IEnumerable<AdminUiPage> AdminUiPages =>
    [
        new("logs", "Request logs") { Icon = "list", Order = 40 },
        new("analytics", "Analytics") { Icon = "chart", Order = 41 },
    ];

    public override object? Describe(IServiceProvider services, OperationCatalog catalog)
    {
        var options = services.GetRequiredService<RequestLogsOptions>();
        return new RequestLogsFeatureInfo(
            options.Enabled, options.IncludeBodies, options.RetentionDays, options.AnalyticsRetentionDays, options.RetentionSchedule,
            services.MaintenanceRunner(), options.Capacity, options.BatchSize, [.. options.Excluded.Order(StringComparer.Ordinal)],
            new RequestLogsOperations(nameof(AdminQueryRequestLogs), nameof(AdminGetRequestLog), nameof(AdminGetRequestAnalytics), nameof(AdminGetRequestLogStats)));
    }
}

/// <summary>What <c>plugins.requestLogs</c> says.</summary>
/// <param name="Enabled">Whether calls are recorded.</param>
/// <param name="IncludeBodies">Whether request bodies are recorded (secrets withheld).</param>
/// <param name="RetentionDays">How long rows (and per-minute aggregates) are kept.</param>
/// <param name="AnalyticsRetentionDays">How long per-hour aggregates are kept.</param>
/// <param name="RetentionSchedule">When expired rows are deleted.</param>
/// <param name="RetentionRunBy">Who deletes them: <c>jobs</c> (a recurring job) or <c>timer</c> (every node).</param>
/// <param name="Capacity">The most rows queued per node before new ones are dropped.</param>
/// <param name="BatchSize">The most rows written per transaction.</param>
/// <param name="ExcludeOperations">Operations never recorded.</param>
/// <param name="Operations">The admin APIs: the log, one row, analytics, and the counters (dropped rows among them).</param>
internal sealed record RequestLogsFeatureInfo(bool Enabled, bool IncludeBodies, int RetentionDays, int AnalyticsRetentionDays, string RetentionSchedule,
    string RetentionRunBy, int Capacity, int BatchSize, List<string> ExcludeOperations, RequestLogsOperations Operations);

/// <summary>The request log's admin APIs, by name, for the Admin UI.</summary>
internal sealed record RequestLogsOperations(string Query, string Get, string Analytics, string Stats);
