using System.Collections.Concurrent;

namespace BaaS.AutoQuery;

/// <summary>
/// The executors of query and CRUD DTOs, made once per DTO type: at startup for the operations AutoQuery serves, on
/// first use for DTOs that hand-written services serve through <see cref="IAutoQueryDb"/>.
/// </summary>
internal sealed class AutoQueryRegistry(Microsoft.Extensions.Options.IOptions<AutoQueryOptions> options, TimeProvider? clock = null,
    Microsoft.Extensions.Options.IOptions<BaaSOptions>? baas = null)
{
    private readonly int _maxItems = baas?.Value.MaxCollectionItems ?? new BaaSOptions().MaxCollectionItems;

    private readonly ConcurrentDictionary<Type, IQueryExecutor> _queries = new();
    private readonly ConcurrentDictionary<Type, ICrudExecutor> _cruds = new();

    public AutoQueryOptions Options { get; } = options.Value;

    public TimeProvider Clock { get; } = clock ?? TimeProvider.System;

    public IQueryExecutor Query(Type dtoType) => _queries.GetOrAdd(dtoType, CreateQuery);

    public ICrudExecutor Crud(Type dtoType) => _cruds.GetOrAdd(dtoType, CreateCrud);

    private ICrudExecutor CreateCrud(Type dtoType)
    {
        var (kind, model) = AutoQueryTypes.CrudTypesOf(dtoType)
            ?? throw new InvalidOperationException($"{dtoType.FullName} is not a CRUD DTO (ICreateDb<T>, IUpdateDb<T>, IPatchDb<T>, IDeleteDb<T>, ISaveDb<T>).");
        if (model.GetConstructor(Type.EmptyTypes) is null)
            throw new InvalidOperationException($"{dtoType.Name} writes {model.Name}, which needs a public parameterless constructor.");
        var plan = CrudPlan.Build(dtoType, kind, model);
        return (ICrudExecutor)Activator.CreateInstance(typeof(CrudExecutor<>).MakeGenericType(model), plan, Options, Clock)!;
    }

    private IQueryExecutor CreateQuery(Type dtoType)
    {
        var (model, into) = AutoQueryTypes.QueryTypesOf(dtoType)
            ?? throw new InvalidOperationException($"{dtoType.FullName} is not a query DTO (QueryDb<T> or QueryDb<From, Into>).");
        var plan = QueryPlan.Build(dtoType, model, into);
        return (IQueryExecutor)Activator.CreateInstance(typeof(QueryExecutor<,>).MakeGenericType(model, into), plan, Options, Clock, _maxItems)!;
    }
}
