using Microsoft.Extensions.Options;

namespace BaaS.AutoQuery;

/// <summary>
/// Serves every query and CRUD DTO that no hand-written service serves, with a generated implementation compiled at
/// startup. Runs after hand-written services (<see cref="Order"/> 100), so a service method always wins.
/// </summary>
internal sealed class AutoQuerySource(IOptions<BaaSOptions> baas, IEnumerable<BaaSFeature> features, AutoQueryRegistry registry) : IOperationSource
{
    public int Order => 100;

    public IEnumerable<OperationRegistration> GetOperations(IServiceProvider services, IReadOnlyDictionary<Type, IReadOnlySet<string>> handled)
    {
        foreach (var dtoType in CandidateTypes())
        {
            if (handled.ContainsKey(dtoType)) continue;
            if (AutoQueryTypes.QueryTypesOf(dtoType) is { } query)
            {
                var executor = registry.Query(dtoType);
                yield return new OperationRegistration(dtoType, "ANY", executor.InvokeAsync,
                    typeof(QueryResponse<>).MakeGenericType(query.Into), $"AutoQuery {dtoType.Name}", DataModel: query.Model);
            }
            else if (AutoQueryTypes.CrudTypesOf(dtoType) is { } crud)
            {
                var executor = registry.Crud(dtoType);
                // Writes answer their own verb (PUT for updates...) and POST, as ServiceStack clients may send any DTO with
                // POST; never GET, so a link or a prefetch cannot change data.
                foreach (var verb in new[] { HttpVerbs.Preferred(dtoType), HttpVerbs.Post }.Distinct())
                    yield return new OperationRegistration(dtoType, verb, executor.InvokeAsync, null, $"AutoQuery {dtoType.Name}", DataModel: crud.Model);
            }
        }
    }

    private IEnumerable<Type> CandidateTypes()
    {
        var options = registry.Options;
        var assemblies = options.Assemblies.Count > 0 ? options.Assemblies : options.Types.Count > 0 ? [] : Hosting.AppAssemblies.Of(baas.Value, features);
        return assemblies.Distinct()
            .SelectMany(Hosting.AppAssemblies.TypesOf)
            .Concat(options.Types)
            .Concat(options.EnableAuditLog ? [typeof(QueryCrudEvents)] : [])
            .Distinct()
            .Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false } &&
                        (AutoQueryTypes.QueryTypesOf(t) is not null || AutoQueryTypes.CrudTypesOf(t) is not null))
            .OrderBy(t => t.FullName, StringComparer.Ordinal);
    }
}
