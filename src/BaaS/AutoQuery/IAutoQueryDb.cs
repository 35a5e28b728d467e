using BaaS.Data;
using Microsoft.AspNetCore.Http;

namespace BaaS.AutoQuery;

/// <summary>
/// AutoQuery for hand-written services: start from the query AutoQuery would run for a DTO, add conditions, execute it.
/// <code>
/// public class RestaurantServices(IAutoQueryDb autoQuery) : Service
/// {
///     public async Task&lt;QueryResponse&lt;Restaurant&gt;&gt; Any(QueryRestaurants request)
///     {
///         var db = await OpenDbAsync();
///         var q = autoQuery.CreateQuery(request, HttpContext, db).Where(r =&gt; r.IsOpen);
///         return await autoQuery.ExecuteAsync(request, q, db, CancellationToken);
///     }
/// }
/// </code>
/// </summary>
public interface IAutoQueryDb
{
    /// <summary>The query AutoQuery builds for <paramref name="request"/>: its filters, mandatory filters, order, paging and fields.</summary>
    SqlExpression<TModel> CreateQuery<TModel>(IQueryDb<TModel> request, HttpContext context, DataConnection db);

    /// <summary>The query AutoQuery builds for a <c>QueryDb&lt;From, Into&gt;</c> request.</summary>
    SqlExpression<TFrom> CreateQuery<TFrom, TInto>(IQueryDb<TFrom, TInto> request, HttpContext context, DataConnection db);

    /// <summary>Runs a query and answers it as AutoQuery does (results, total and aggregates when asked, references loaded).</summary>
    Task<QueryResponse<TModel>> ExecuteAsync<TModel>(IQueryDb<TModel> request, SqlExpression<TModel> query, DataConnection db, CancellationToken cancellationToken = default);

    /// <summary>Runs a <c>QueryDb&lt;From, Into&gt;</c> query.</summary>
    Task<QueryResponse<TInto>> ExecuteAsync<TFrom, TInto>(IQueryDb<TFrom, TInto> request, SqlExpression<TFrom> query, DataConnection db, CancellationToken cancellationToken = default);
}
