using BaaS.AutoQuery;
using BaaS.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace BaaS.RequestLogs;

/// <summary>
/// Serves <see cref="AdminQueryRequestLogs"/>: AutoQuery's query for it, on the log's connection, with <c>Search</c>
/// (text in the path or the error) added. A source of its own rather than a service method, so the metadata names its
/// data model (<see cref="RequestLog"/>) as for any AutoQuery API, and the Admin UI and the API Explorer treat it as one.
/// Steps aside when the app serves the DTO itself.
/// </summary>
internal sealed class RequestLogQuerySource : IOperationSource
{
    private const int MaxSearch = 200;

    // Before AutoQuery's generated implementations (100), after hand-written services (0).
    public int Order => 50;

    public IEnumerable<OperationRegistration> GetOperations(IServiceProvider services, IReadOnlyDictionary<Type, IReadOnlySet<string>> handled)
    {
        if (handled.ContainsKey(typeof(AdminQueryRequestLogs))) yield break;
        yield return new OperationRegistration(typeof(AdminQueryRequestLogs), "ANY", QueryAsync, typeof(QueryResponse<RequestLog>),
            $"Request logs {nameof(AdminQueryRequestLogs)}", DataModel: typeof(RequestLog));
    }

    private static async ValueTask<object?> QueryAsync(HttpContext context, object dto)
    {
        var request = (AdminQueryRequestLogs)dto;
        var search = string.IsNullOrWhiteSpace(request.Search) ? null : request.Search.Trim();
        if (search is { Length: > MaxSearch }) throw HttpError.Validation(nameof(request.Search), "TooLong", $"Search is at most {MaxSearch} characters.");
        var services = context.RequestServices;
        var autoQuery = services.GetRequiredService<IAutoQueryDb>();
        await using var db = await services.GetRequiredService<RequestLogStore>().OpenAsync(context.RequestAborted).ConfigureAwait(false);
        var query = autoQuery.CreateQuery(request, context, db);
        if (search is not null) query.And(log => log.Path.Contains(search) || log.ErrorMessage!.Contains(search));
        return await autoQuery.ExecuteAsync(request, query, db, context.RequestAborted).ConfigureAwait(false);
    }
}
