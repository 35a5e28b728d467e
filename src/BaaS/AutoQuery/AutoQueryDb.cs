using BaaS.Data;
using Microsoft.AspNetCore.Http;

namespace BaaS.AutoQuery;

/// <summary>The <see cref="IAutoQueryDb"/> hand-written services are given.</summary>
internal sealed class AutoQueryDb(AutoQueryRegistry registry) : IAutoQueryDb
{
    public SqlExpression<TModel> CreateQuery<TModel>(IQueryDb<TModel> request, HttpContext context, DataConnection db) =>
        (SqlExpression<TModel>)registry.Query(request.GetType()).CreateQuery(request, context, db);

    public SqlExpression<TFrom> CreateQuery<TFrom, TInto>(IQueryDb<TFrom, TInto> request, HttpContext context, DataConnection db) =>
        (SqlExpression<TFrom>)registry.Query(request.GetType()).CreateQuery(request, context, db);

    public async Task<QueryResponse<TModel>> ExecuteAsync<TModel>(IQueryDb<TModel> request, SqlExpression<TModel> query, DataConnection db, CancellationToken cancellationToken = default) =>
        (QueryResponse<TModel>)await registry.Query(request.GetType()).ExecuteAsync(request, query, db, cancellationToken).ConfigureAwait(false);

    public async Task<QueryResponse<TInto>> ExecuteAsync<TFrom, TInto>(IQueryDb<TFrom, TInto> request, SqlExpression<TFrom> query, DataConnection db, CancellationToken cancellationToken = default) =>
        (QueryResponse<TInto>)await registry.Query(request.GetType()).ExecuteAsync(request, query, db, cancellationToken).ConfigureAwait(false);
}
