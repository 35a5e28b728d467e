namespace BaaS.Metadata;

/// <summary>
/// A reference to a type: <c>{ "name": "QueryResponse`1", "namespace": "BaaS", "genericArgs": ["Restaurant"] }</c>.
/// </summary>
public class MetadataTypeName
{
    /// <summary>The type's name; generic types keep their arity suffix (<c>List`1</c>).</summary>
    public string Name { get; set; } = "";

    /// <summary>The type's namespace.</summary>
    public string? Namespace { get; set; }

    /// <summary>The generic arguments, as type names (nested generics as <c>List&lt;String&gt;</c>).</summary>
    public List<string>? GenericArgs { get; set; }

    /// <summary>
    /// The generic arguments as references with their namespaces (for an array, its element type), so that two types
    /// sharing a short name in different namespaces can be told apart.
    /// </summary>
    public List<MetadataTypeName>? GenericArgRefs { get; set; }
}
