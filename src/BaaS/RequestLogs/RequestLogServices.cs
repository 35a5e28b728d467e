using BaaS.Data;

namespace BaaS.RequestLogs;

/// <summary>
/// The request log's admin APIs but the query (every DTO is Admin only: <see cref="ValidateIsAdminAttribute"/>); the query is
/// <see cref="RequestLogQuerySource"/>'s.
/// </summary>
internal sealed class RequestLogServices(RequestLogStore store, RequestAnalytics analytics, RequestLogQueue queue,
    RequestLogsOptions options) : Service
{
    public async Task<AdminGetRequestLogResponse> Get(AdminGetRequestLog request)
    {
        if (request.Id <= 0) throw HttpError.Validation(nameof(request.Id), "OutOfRange", "Id is a request log row's id, above 0.");
        await using var db = await store.OpenAsync(CancellationToken).ConfigureAwait(false);
        var row = await db.SingleByIdAsync<RequestLog>(request.Id, CancellationToken).ConfigureAwait(false)
            ?? throw HttpError.NotFound($"Request log row {request.Id} does not exist (rows are kept {options.RetentionDays} days).");
        return new AdminGetRequestLogResponse { Result = row };
    }

    public Task<AdminGetRequestAnalyticsResponse> Get(AdminGetRequestAnalytics request) => analytics.GetAsync(request, CancellationToken);

    public AdminGetRequestLogStatsResponse Get(AdminGetRequestLogStats request) => new()
    {
        Enabled = options.Enabled,
        IncludeBodies = options.IncludeBodies,
        Recorded = queue.Recorded,
        Written = queue.Written,
        Dropped = queue.Dropped,
        Failed = queue.Failed,
        Pending = queue.Pending,
        Capacity = queue.Capacity,
        LastWrittenAt = queue.LastWrittenAt,
        LastError = queue.LastError,
    };
}
