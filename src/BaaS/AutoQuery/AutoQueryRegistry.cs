using System.Collections.Concurrent;

namespace BaaS.AutoQuery;

/// <summary>
/// The executors of query and CRUD DTOs, made once per DTO type: at startup for the operations AutoQuery serves, on
/// first use for DTOs that hand-written services serve through <see cref="IAutoQueryDb"/>.
/// </summary>
internal sealed class AutoQueryRegistry(Microsoft.Extensions.Options.IOptions<AutoQueryOptions> options, TimeProvider? clock = null)
{
    private readonly ConcurrentDictionary<Type, IQueryExecutor> _queries = new();

    public AutoQueryOptions Options { get; } = options.Value;

    public TimeProvider Clock { get; } = clock ?? TimeProvider.System;

    public IQueryExecutor Query(Type dtoType) => _queries.GetOrAdd(dtoType, CreateQuery);

    private IQueryExecutor CreateQuery(Type dtoType)
    {
        var (model, into) = AutoQueryTypes.QueryTypesOf(dtoType)
            ?? throw new InvalidOperationException($"{dtoType.FullName} is not a query DTO (QueryDb<T> or QueryDb<From, Into>).");
        var plan = QueryPlan.Build(dtoType, model, into);
        return (IQueryExecutor)Activator.CreateInstance(typeof(QueryExecutor<,>).MakeGenericType(model, into), plan, Options, Clock)!;
    }
}
