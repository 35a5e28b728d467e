namespace BaaS;

/// <summary>
/// Every operation the app serves, gathered once at startup from the registered <see cref="IOperationSource"/>s.
/// Startup fails, naming both sides, when two DTOs share a name or two implementations claim the same DTO and verb.
/// </summary>
public sealed class OperationCatalog
{
    private readonly Dictionary<string, Operation> _byName;
    private readonly Dictionary<Type, Operation> _byType;

    private OperationCatalog(List<Operation> operations)
    {
        Operations = operations;
        _byName = operations.ToDictionary(o => o.Name, StringComparer.OrdinalIgnoreCase);
        _byType = operations.ToDictionary(o => o.RequestType);
    }

    /// <summary>The operations, ordered by name.</summary>
    public IReadOnlyList<Operation> Operations { get; }

    /// <summary>The operation of a request DTO name (case-insensitive), or null.</summary>
    public Operation? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The operation of a request DTO type, or null.</summary>
    public Operation? Find(Type requestType) => _byType.GetValueOrDefault(requestType);

    internal static OperationCatalog Build(IEnumerable<IOperationSource> sources, IServiceProvider services)
    {
        var registrations = new Dictionary<Type, List<OperationRegistration>>();
        var handled = new Dictionary<Type, IReadOnlySet<string>>();
        foreach (var source in sources.OrderBy(s => s.Order))
        {
            foreach (var registration in source.GetOperations(services, handled).ToList())
            {
                if (!registrations.TryGetValue(registration.RequestType, out var list))
                    registrations[registration.RequestType] = list = [];
                list.Add(registration);
            }
            foreach (var (type, list) in registrations)
                handled[type] = list.Select(r => r.Verb).ToHashSet(StringComparer.OrdinalIgnoreCase);
        }

        var operations = registrations.Select(kv => CreateOperation(kv.Key, kv.Value)).OrderBy(o => o.Name, StringComparer.Ordinal).ToList();

        var clash = operations.GroupBy(o => o.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
            throw new InvalidOperationException(
                $"Two request DTOs are named '{clash.Key}': {string.Join(" and ", clash.Select(o => o.RequestType.FullName))}. " +
                $"Each is served at /api/{{Name}}, so names must be unique: rename one.");
        return new OperationCatalog(operations);
    }

    private static Operation CreateOperation(Type requestType, List<OperationRegistration> registrations)
    {
        var byVerb = new Dictionary<string, OperationRegistration>(StringComparer.OrdinalIgnoreCase);
        foreach (var registration in registrations)
        {
            var verb = registration.Verb.ToUpperInvariant();
            if (verb != "ANY" && !HttpVerbs.All.Contains(verb))
                throw new InvalidOperationException($"{registration.Source}: '{registration.Verb}' is not a verb BaaS serves (use GET, POST, PUT, PATCH, DELETE or ANY).");
            if (byVerb.TryGetValue(verb, out var existing))
                throw new InvalidOperationException(
                    $"{requestType.FullName} is served twice for {verb}: by {existing.Source} and by {registration.Source}. Remove one.");
            byVerb[verb] = registration;
        }

        // A method for a specific verb wins over Any for that verb.
        var invokers = new Dictionary<string, OperationInvoker>(StringComparer.OrdinalIgnoreCase);
        foreach (var (verb, registration) in byVerb)
            if (verb != "ANY") invokers[verb] = registration.Invoker;
        if (byVerb.TryGetValue("ANY", out var any))
            foreach (var verb in HttpVerbs.All)
                invokers.TryAdd(verb, any.Invoker);

        var first = registrations[0];
        return new Operation(
            requestType,
            ResponseTypeOf(requestType, registrations),
            invokers,
            [.. byVerb.Keys.OrderBy(v => v, StringComparer.Ordinal)],
            registrations.Select(r => r.ServiceType).FirstOrDefault(t => t is not null),
            registrations.Select(r => r.DataModel).FirstOrDefault(t => t is not null) ?? first.DataModel);
    }

    private static Type? ResponseTypeOf(Type requestType, List<OperationRegistration> registrations)
    {
        if (typeof(IReturnVoid).IsAssignableFrom(requestType)) return null;
        var declared = requestType.GetInterfaces()
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReturn<>));
        if (declared is not null) return declared.GetGenericArguments()[0];
        return registrations.Select(r => r.ResponseType).FirstOrDefault(t => t is not null && t != typeof(object) && t != typeof(HttpResult))
            ?? registrations.Select(r => r.ResponseType).FirstOrDefault(t => t is not null);
    }
}
