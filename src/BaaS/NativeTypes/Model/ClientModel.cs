using BaaS.Metadata;

namespace BaaS.NativeTypes.Model;

/// <summary>
/// The one view of <see cref="AppMetadata"/> that every generator (TypeScript, C#, Python, OpenAPI) writes from:
/// every type with its client name (<see cref="ClientNames"/>), its references resolved to other types or scalars,
/// filtered by IncludeTypes/ExcludeTypes, and ordered so that base types come before the types deriving from them.
/// Built per request; nothing here uses reflection.
/// </summary>
internal sealed partial class ClientModel
{
    /// <summary>Namespaces whose types live in <c>BaaS.Interfaces</c>: C# references them instead of declaring them.</summary>
    public static readonly IReadOnlySet<string> ContractNamespaces = new HashSet<string>(StringComparer.Ordinal) { "BaaS", "BaaS.Metadata" };

    private readonly Dictionary<(string Namespace, string Name), List<ClientType>> _index = [];

    private ClientModel(AppMetadata metadata) => Metadata = metadata;

    public AppMetadata Metadata { get; }

    /// <summary>Every type (requests included), before filtering.</summary>
    public List<ClientType> AllTypes { get; } = [];

    /// <summary>The types to write, enums first, then classes with bases before derived types, then requests.</summary>
    public List<ClientType> Types { get; private set; } = [];

    public IEnumerable<ClientType> Requests => Types.Where(t => t.IsRequest);

    public static ClientModel Build(AppMetadata metadata, NativeTypesOptions options)
    {
        var model = new ClientModel(metadata);
        foreach (var type in metadata.Api.Types) model.Add(new ClientType(type, null, IsContractNamespace(type.Namespace)));
        foreach (var operation in metadata.Api.Operations)
            model.Add(new ClientType(operation.Request, operation, IsContractNamespace(operation.Request.Namespace)));

        ClientNames.Assign(model.AllTypes);
        foreach (var type in model.AllTypes) model.ResolveMembers(type);
        model.Types = Order(TypeFilter.Apply(model.AllTypes, options));
        return model;
    }

    public static bool IsContractNamespace(string? ns) => ns is not null && ContractNamespaces.Contains(ns);

    /// <summary>
    /// The verb clients send the request with: the metadata's <c>method</c> when the service answers it (or answers
    /// any verb), else the only verb it answers.
    /// </summary>
    public static string VerbOf(MetadataOperationType operation)
    {
        var method = operation.Method.ToUpperInvariant();
        if (operation.Actions.Count == 0 || operation.Actions.Any(a => a is "ANY" || string.Equals(a, method, StringComparison.OrdinalIgnoreCase)))
            return method;
        return operation.Actions[0].ToUpperInvariant();
    }

    private void Add(ClientType type)
    {
        AllTypes.Add(type);
        var key = (type.Meta.Namespace ?? "", type.Meta.Name);
        if (!_index.TryGetValue(key, out var list)) _index[key] = list = [];
        list.Add(type);
    }

    private void ResolveMembers(ClientType type)
    {
        var scope = type.GenericParams;
        if (type.Meta.Inherits is { } inherits)
            type.Inherits = Resolve(inherits.Name, inherits.Namespace, inherits.GenericArgRefs, scope, $"the base class of {type.FullName}");
        foreach (var property in type.Meta.Properties ?? [])
        {
            var where = $"property {property.Name} of {type.FullName}";
            type.Properties.Add(new ClientProperty(property, Resolve(property.Type, property.Namespace, property.GenericArgRefs, scope, where)));
        }
        foreach (var iface in type.Meta.Implements ?? [])
        {
            var args = (iface.GenericArgRefs ?? []).Select(a => Resolve(a.Name, a.Namespace, a.GenericArgRefs, scope, $"interface {iface.Name} of {type.FullName}")).ToList();
            type.Implements.Add((iface, args));
        }
        if (type.Operation is { Response: { } response })
            type.Response = Resolve(response.Name, response.Namespace, response.GenericArgRefs, scope, $"the response of {type.FullName}");
    }
}
